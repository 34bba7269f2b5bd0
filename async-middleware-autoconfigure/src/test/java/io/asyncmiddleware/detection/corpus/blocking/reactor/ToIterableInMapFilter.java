package io.asyncmiddleware.detection.corpus.blocking.reactor;

import io.asyncmiddleware.detection.corpus.Families;
import io.asyncmiddleware.detection.corpus.Label;
import io.asyncmiddleware.detection.corpus.Label.Expect;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Iterates a Flux with toIterable in a map operator.
 */
@Label(value = Expect.BLOCKING, family = Families.REACTOR_BLOCK, reach = "lambda in map")
public class ToIterableInMapFilter implements WebFilter {
	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return Mono.just(exchange).map((current) -> {
			int sum = 0;
			for (Integer value : Flux.just(1, 2, 3).toIterable()) {
				sum += value;
			}
			current.getAttributes().put("sum", sum);
			return current;
		}).flatMap(chain::filter);
	}

}
