package io.asyncmiddleware.detection.corpus.blocking.sleep;

import io.asyncmiddleware.detection.corpus.Families;
import io.asyncmiddleware.detection.corpus.Label;
import io.asyncmiddleware.detection.corpus.Label.Expect;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Sleeps in a map operator, on the thread that signals.
 */
@Label(value = Expect.BLOCKING, family = Families.SLEEP_PARK, reach = "lambda in map")
public class SleepInMapLambdaFilter implements WebFilter {
	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return Mono.just(exchange).map((current) -> {
			try {
				Thread.sleep(1);
			}
			catch (InterruptedException ex) {
				throw new IllegalStateException(ex);
			}
			return current;
		}).flatMap(chain::filter);
	}

}
