package io.asyncmiddleware.autoconfigure.springsecurity;

import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;

/**
 * The application's chain as it runs beside the stack: the same matcher, its filters
 * without the ones that duplicate stack entries.
 */
final class StackComposedSecurityWebFilterChain implements SecurityWebFilterChain {

	private final SecurityWebFilterChain chain;

	private final List<WebFilter> filters;

	StackComposedSecurityWebFilterChain(SecurityWebFilterChain chain, List<WebFilter> filters) {
		this.chain = chain;
		this.filters = List.copyOf(filters);
	}

	@Override
	public Mono<Boolean> matches(ServerWebExchange exchange) {
		return this.chain.matches(exchange);
	}

	@Override
	public Flux<WebFilter> getWebFilters() {
		return Flux.fromIterable(this.filters);
	}

	/**
	 * The chain as the application built it.
	 * @return the original chain
	 */
	SecurityWebFilterChain original() {
		return this.chain;
	}

	@Override
	public String toString() {
		return "StackComposedSecurityWebFilterChain" + this.filters;
	}

}
