package io.asyncmiddleware.detection.corpus.blocking.sleep;

import java.util.concurrent.TimeUnit;

import io.asyncmiddleware.detection.corpus.Families;
import io.asyncmiddleware.detection.corpus.Label;
import io.asyncmiddleware.detection.corpus.Label.Expect;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Sleeps through TimeUnit.
 */
@Label(value = Expect.BLOCKING, family = Families.SLEEP_PARK, reach = "direct")
public class TimeUnitSleepFilter implements WebFilter {
	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		try {
			TimeUnit.MILLISECONDS.sleep(1);
		}
		catch (InterruptedException ex) {
			return Mono.error(ex);
		}
		return chain.filter(exchange);
	}

}
