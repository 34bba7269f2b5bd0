package io.asyncmiddleware.detection.corpus.safe.monitor;

import io.asyncmiddleware.detection.corpus.Families;
import io.asyncmiddleware.detection.corpus.Label;
import io.asyncmiddleware.detection.corpus.Label.Expect;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Wakes waiters with notifyAll, which does not wait.
 */
@Label(value = Expect.SAFE, family = Families.MONITOR, reach = "non-blocking variant (notifyAll)")
public class NotifyAllFilter implements WebFilter {
	private final Object monitor = new Object();

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		synchronized (this.monitor) {
			this.monitor.notifyAll();
		}
		return chain.filter(exchange);
	}

}
