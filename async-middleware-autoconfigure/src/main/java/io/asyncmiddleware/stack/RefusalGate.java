package io.asyncmiddleware.stack;

import java.util.function.Function;

import io.asyncmiddleware.handler.ViewPhase;
import reactor.core.publisher.Mono;

import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Stands in front of a filter that may answer a request itself (Spring Security's chain
 * with its login and logout, an application's {@code WebFilter}) when it runs after stack
 * entries: a refusal an entry deferred to the view position ({@link ViewPhase}) is written
 * here instead, so the refused request never reaches that filter. Django's refusals come
 * before any view runs; a filter that answers is a view here.
 */
final class RefusalGate implements WebFilter {

	private final WebFilter filter;

	RefusalGate(WebFilter filter) {
		this.filter = filter;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		Function<ServerWebExchange, Mono<Void>> refusal = ViewPhase.refusal(exchange);
		return (refusal != null) ? refusal.apply(exchange) : this.filter.filter(exchange, chain);
	}

	@Override
	public String toString() {
		return this.filter.toString();
	}

}
