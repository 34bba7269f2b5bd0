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
 * Counts a Flux through toStream in a helper.
 */
@Label(value = Expect.BLOCKING, family = Families.REACTOR_BLOCK, reach = "helper chain depth 2")
public class ToStreamViaHelperFilter implements WebFilter {
	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		exchange.getAttributes().put("count", count());
		return chain.filter(exchange);
	}

	private static long count() {
		return Flux.range(1, 3).toStream().count();
	}

}
