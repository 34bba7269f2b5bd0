package io.asyncmiddleware.detection.corpus.safe.sleep;

import java.time.Duration;

import io.asyncmiddleware.detection.corpus.Families;
import io.asyncmiddleware.detection.corpus.Label;
import io.asyncmiddleware.detection.corpus.Label.Expect;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Waits with Mono.delay instead of sleeping.
 */
@Label(value = Expect.SAFE, family = Families.SLEEP_PARK, reach = "non-blocking alternative (Mono.delay)")
public class MonoDelayFilter implements WebFilter {
	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return Mono.delay(Duration.ofMillis(1)).then(chain.filter(exchange));
	}

}
