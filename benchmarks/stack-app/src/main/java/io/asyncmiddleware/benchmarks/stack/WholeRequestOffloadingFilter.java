package io.asyncmiddleware.benchmarks.stack;

import io.asyncmiddleware.detection.NonBlocking;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Naive offloading, as Django's first adapter did: the blocking filter and everything
 * after it (the rest of the chain and the handler, including /slow/'s 50 ms wait) run on
 * one {@code boundedElastic} thread, which is held until the response is done. Declared
 * non-blocking because it keeps its blocking off the event loop itself.
 */
@NonBlocking
class WholeRequestOffloadingFilter implements WebFilter {

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return Mono.<Void>fromRunnable(() -> {
			SleepingFilter.block();
			chain.filter(exchange).block();
		}).subscribeOn(Schedulers.boundedElastic());
	}

}
