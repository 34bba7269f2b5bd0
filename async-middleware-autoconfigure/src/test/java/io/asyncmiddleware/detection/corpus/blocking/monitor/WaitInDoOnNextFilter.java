package io.asyncmiddleware.detection.corpus.blocking.monitor;

import io.asyncmiddleware.detection.corpus.Families;
import io.asyncmiddleware.detection.corpus.Label;
import io.asyncmiddleware.detection.corpus.Label.Expect;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Waits on a monitor in doOnNext.
 */
@Label(value = Expect.BLOCKING, family = Families.MONITOR, reach = "lambda in doOnNext")
public class WaitInDoOnNextFilter implements WebFilter {
	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		Object monitor = new Object();
		return Mono.just(exchange).doOnNext((current) -> {
			synchronized (monitor) {
				try {
					monitor.wait(1);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
		}).flatMap(chain::filter);
	}

}
