package io.asyncmiddleware.detection.corpus.safe.sleep;

import io.asyncmiddleware.detection.corpus.Families;
import io.asyncmiddleware.detection.corpus.Label;
import io.asyncmiddleware.detection.corpus.Label.Expect;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Sleeps once, in its static initialiser, when the class is initialised at startup.
 */
@Label(value = Expect.SAFE, family = Families.SLEEP_PARK, reach = "static initialiser")
public class SleepInStaticInitialiserFilter implements WebFilter {
	private static final long STARTED;

	static {
		try {
			Thread.sleep(1);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		STARTED = System.nanoTime();
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		exchange.getAttributes().put("started", STARTED);
		return chain.filter(exchange);
	}

}
