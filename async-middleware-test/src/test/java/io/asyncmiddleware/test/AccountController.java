package io.asyncmiddleware.test;

import java.security.Principal;

import io.asyncmiddleware.handler.LoginRequired;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A user's controller: a page for logged-in users and a form target.
 */
@RestController
class AccountController {

	@LoginRequired
	@GetMapping("/account/")
	Mono<String> account(Mono<Principal> principal) {
		return principal.map((user) -> "account of " + user.getName());
	}

	@PostMapping("/comments/")
	Mono<String> comment() {
		return Mono.just("saved");
	}

}
