package io.asyncmiddleware.detection.corpus.blocking.locks;

import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * A template: subclasses say how to guard a request.
 */
public abstract class GuardedFilter implements WebFilter {
	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		guard(exchange);
		return chain.filter(exchange);
	}

	protected abstract void guard(ServerWebExchange exchange);

}
