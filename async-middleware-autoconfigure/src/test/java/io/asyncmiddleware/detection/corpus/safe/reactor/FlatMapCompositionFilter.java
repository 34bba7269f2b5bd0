package io.asyncmiddleware.detection.corpus.safe.reactor;

import io.asyncmiddleware.detection.corpus.Families;
import io.asyncmiddleware.detection.corpus.Label;
import io.asyncmiddleware.detection.corpus.Label.Expect;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Composes a Mono into the chain.
 */
@Label(value = Expect.SAFE, family = Families.REACTOR_BLOCK, reach = "composition instead of block")
public class FlatMapCompositionFilter implements WebFilter {
	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return Mono.just("anonymous").flatMap((user) -> {
			exchange.getAttributes().put("user", user);
			return chain.filter(exchange);
		});
	}

}
