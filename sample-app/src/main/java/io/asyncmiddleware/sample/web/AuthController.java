package io.asyncmiddleware.sample.web;

import java.net.URI;

import io.asyncmiddleware.handler.LoginRequired;
import io.asyncmiddleware.middleware.auth.SessionLogin;
import io.asyncmiddleware.middleware.messages.Messages;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ServerWebExchange;

/**
 * Log in and out with Django's semantics ({@link SessionLogin}), the current user, and a
 * page that needs a logged-in user.
 */
@Controller
class AuthController {

	private static final URI WHOAMI = URI.create("/whoami/");

	private final ReactiveAuthenticationManager authenticationManager;

	private final SessionLogin sessionLogin;

	AuthController(ReactiveAuthenticationManager authenticationManager, SessionLogin sessionLogin) {
		this.authenticationManager = authenticationManager;
		this.sessionLogin = sessionLogin;
	}

	/**
	 * The login form page (Django's LOGIN_URL); it posts to {@code /login/}.
	 */
	@GetMapping("/accounts/login/")
	Mono<String> loginPage(Messages messages, Model model) {
		return messages.read().collectList().flatMap((pending) -> {
			model.addAttribute("messages", pending);
			return Views.render("login");
		});
	}

	@PostMapping(path = "/login/", produces = MediaType.TEXT_PLAIN_VALUE)
	@ResponseBody
	Mono<ResponseEntity<String>> login(ServerWebExchange exchange) {
		return exchange.getFormData()
			.flatMap((form) -> this.authenticationManager.authenticate(UsernamePasswordAuthenticationToken
				.unauthenticated(valueOf(form, "username"), valueOf(form, "password"))))
			.flatMap((user) -> this.sessionLogin.login(exchange, user))
			.then(Mono.just(redirectToWhoami()))
			.onErrorResume(AuthenticationException.class,
					(ex) -> Mono.just(ResponseEntity.status(HttpStatus.UNAUTHORIZED).body("invalid credentials")));
	}

	@PostMapping(path = "/logout/", produces = MediaType.TEXT_PLAIN_VALUE)
	@ResponseBody
	Mono<ResponseEntity<String>> logout(ServerWebExchange exchange) {
		return this.sessionLogin.logout(exchange).then(Mono.fromSupplier(AuthController::redirectToWhoami));
	}

	@GetMapping(path = "/whoami/", produces = MediaType.TEXT_PLAIN_VALUE)
	@ResponseBody
	Mono<String> whoami(ServerWebExchange exchange) {
		return exchange.getPrincipal()
			.filter((principal) -> !(principal instanceof AnonymousAuthenticationToken))
			.filter((principal) -> !(principal instanceof Authentication authentication)
					|| authentication.isAuthenticated())
			.map((principal) -> principal.getName())
			.defaultIfEmpty("anonymous");
	}

	@LoginRequired
	@GetMapping(path = "/private/", produces = MediaType.TEXT_PLAIN_VALUE)
	@ResponseBody
	String secret() {
		return "secret";
	}

	private static ResponseEntity<String> redirectToWhoami() {
		return ResponseEntity.status(HttpStatus.FOUND).location(WHOAMI).body("");
	}

	private static String valueOf(MultiValueMap<String, String> form, String field) {
		String value = form.getFirst(field);
		return (value != null) ? value : "";
	}

}
