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
 * Blocks in a static nested helper class.
 */
@Label(value = Expect.BLOCKING, family = Families.REACTOR_BLOCK, reach = "static nested class")
public class BlockLastInStaticNestedFilter implements WebFilter {
	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		exchange.getAttributes().put("last", Lookup.last());
		return chain.filter(exchange);
	}

	static final class Lookup {

		static Integer last() {
			return Flux.just(1, 2).blockLast();
		}

	}

}
