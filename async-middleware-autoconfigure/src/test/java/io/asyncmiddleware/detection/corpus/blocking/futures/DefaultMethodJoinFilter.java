package io.asyncmiddleware.detection.corpus.blocking.futures;

import io.asyncmiddleware.detection.corpus.Families;
import io.asyncmiddleware.detection.corpus.Label;
import io.asyncmiddleware.detection.corpus.Label.Expect;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Joins a future in a default method of an interface it implements.
 */
@Label(value = Expect.BLOCKING, family = Families.FUTURES, reach = "default interface method")
public class DefaultMethodJoinFilter implements WebFilter, Awaiting {
	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		exchange.getAttributes().put("value", awaitLater());
		return chain.filter(exchange);
	}

}
