package io.asyncmiddleware.detection.corpus.blocking.reactor;

import java.util.Optional;
import java.util.function.Function;

import io.asyncmiddleware.detection.corpus.Families;
import io.asyncmiddleware.detection.corpus.Label;
import io.asyncmiddleware.detection.corpus.Label.Expect;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Calls a Function field whose initialiser lambda blocks.
 */
@Label(value = Expect.BLOCKING, family = Families.REACTOR_BLOCK, reach = "functional-interface field (initialiser lambda)")
public class BlockOptionalFunctionFieldFilter implements WebFilter {
	private final Function<String, Optional<String>> lookup = (key) -> Mono.just(key).blockOptional();

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		exchange.getAttributes().put("found", this.lookup.apply("key").isPresent());
		return chain.filter(exchange);
	}

}
