package io.asyncmiddleware.detection.corpus.blocking.monitor;

import io.asyncmiddleware.detection.corpus.Families;
import io.asyncmiddleware.detection.corpus.Label;
import io.asyncmiddleware.detection.corpus.Label.Expect;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Waits on a monitor.
 */
@Label(value = Expect.BLOCKING, family = Families.MONITOR, reach = "direct")
public class SynchronizedWaitFilter implements WebFilter {
	private final Object monitor = new Object();

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		synchronized (this.monitor) {
			try {
				this.monitor.wait(1);
			}
			catch (InterruptedException ex) {
				return Mono.error(ex);
			}
		}
		return chain.filter(exchange);
	}

}
