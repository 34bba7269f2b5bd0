package io.asyncmiddleware.autoconfigure.webfluxtest;

import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A user's controller, the only one the slice loads.
 */
@RestController
class GreetingController {

	@GetMapping("/hello/")
	Mono<String> hello() {
		return Mono.just("hello");
	}

	@PostMapping("/hello/")
	Mono<String> post() {
		return Mono.just("posted");
	}

}
