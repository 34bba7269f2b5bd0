package io.asyncmiddleware.detection.corpus.blocking.sleep;

import io.asyncmiddleware.detection.corpus.Families;
import io.asyncmiddleware.detection.corpus.Label;
import io.asyncmiddleware.detection.corpus.Label.Expect;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Sleeps in a method of an inner (non-static) class created per request.
 */
@Label(value = Expect.BLOCKING, family = Families.SLEEP_PARK, reach = "inner class")
public class SleepInInnerClassFilter implements WebFilter {
	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		new Pacer().pace();
		return chain.filter(exchange);
	}

	class Pacer {

		void pace() {
			try {
				Thread.sleep(1);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

}
