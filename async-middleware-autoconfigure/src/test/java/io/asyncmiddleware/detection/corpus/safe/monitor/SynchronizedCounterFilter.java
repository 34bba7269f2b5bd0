package io.asyncmiddleware.detection.corpus.safe.monitor;

import io.asyncmiddleware.detection.corpus.Families;
import io.asyncmiddleware.detection.corpus.Label;
import io.asyncmiddleware.detection.corpus.Label.Expect;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Counts requests in a synchronized block.
 */
@Label(value = Expect.SAFE, family = Families.MONITOR, reach = "monitor without wait")
public class SynchronizedCounterFilter implements WebFilter {
	private final Object monitor = new Object();

	private long count;

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		synchronized (this.monitor) {
			this.count++;
		}
		return chain.filter(exchange);
	}

}
