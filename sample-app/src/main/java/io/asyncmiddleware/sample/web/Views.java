package io.asyncmiddleware.sample.web;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * View names emitted on a worker thread. WebFlux renders a view on the thread that
 * emits its name, and Thymeleaf reads the template file (from the class path, a jar or a
 * directory) the first time it renders it: that read must not happen on an event loop.
 */
final class Views {

	private Views() {
	}

	static Mono<String> render(String name) {
		return Mono.just(name).publishOn(Schedulers.boundedElastic());
	}

}
