package io.asyncmiddleware.detection.corpus.blocking.sleep;

import io.asyncmiddleware.detection.corpus.Families;
import io.asyncmiddleware.detection.corpus.Label;
import io.asyncmiddleware.detection.corpus.Label.Expect;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Sleeps in the filter body.
 */
@Label(value = Expect.BLOCKING, family = Families.SLEEP_PARK, reach = "direct")
public class SleepDirectFilter implements WebFilter {
	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		try {
			Thread.sleep(1);
		}
		catch (InterruptedException ex) {
			return Mono.error(ex);
		}
		return chain.filter(exchange);
	}

}
