package io.asyncmiddleware.benchmarks.stack;

import io.asyncmiddleware.detection.NonBlocking;
import reactor.core.publisher.Mono;

import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * The same 5 ms block, declared (wrongly) non-blocking: a declaration wins over the scan,
 * so the starter leaves it on the event loop. This is what a WebFlux application without
 * the starter does with such a filter.
 */
@NonBlocking
class UnprotectedSleepingFilter implements WebFilter {

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		SleepingFilter.block();
		return chain.filter(exchange);
	}

}
