package io.asyncmiddleware.detection.corpus.safe.reactor;

import io.asyncmiddleware.detection.corpus.Families;
import io.asyncmiddleware.detection.corpus.Label;
import io.asyncmiddleware.detection.corpus.Label.Expect;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Iterates a Flux only under a constant that is false: the compiler drops the code.
 */
@Label(value = Expect.SAFE, family = Families.REACTOR_BLOCK, reach = "dead code (constant condition)")
public class ToIterableDeadCodeFilter implements WebFilter {
	private static final boolean DEBUG = false;

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (DEBUG) {
			for (Integer value : Flux.just(1).toIterable()) {
				exchange.getAttributes().put("value", value);
			}
		}
		return chain.filter(exchange);
	}

}
