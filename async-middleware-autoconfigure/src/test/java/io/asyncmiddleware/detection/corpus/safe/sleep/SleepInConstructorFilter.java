package io.asyncmiddleware.detection.corpus.safe.sleep;

import io.asyncmiddleware.detection.corpus.Families;
import io.asyncmiddleware.detection.corpus.Label;
import io.asyncmiddleware.detection.corpus.Label.Expect;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Sleeps in its constructor, at startup, never per request.
 */
@Label(value = Expect.SAFE, family = Families.SLEEP_PARK, reach = "constructor-time blocking")
public class SleepInConstructorFilter implements WebFilter {
	private final long created;

	public SleepInConstructorFilter() throws InterruptedException {
		Thread.sleep(1);
		this.created = System.nanoTime();
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		exchange.getAttributes().put("created", this.created);
		return chain.filter(exchange);
	}

}
