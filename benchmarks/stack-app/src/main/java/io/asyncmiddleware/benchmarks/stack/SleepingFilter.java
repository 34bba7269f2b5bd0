package io.asyncmiddleware.benchmarks.stack;

import reactor.core.publisher.Mono;

import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * A legacy filter that blocks 5 ms per request (standing for a JDBC call), as written by
 * someone who did not know better: the starter's detection finds the sleep.
 */
class SleepingFilter implements WebFilter {

	static final long BLOCK_MILLIS = 5;

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		block();
		return chain.filter(exchange);
	}

	static void block() {
		try {
			Thread.sleep(BLOCK_MILLIS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while blocking", ex);
		}
	}

}
