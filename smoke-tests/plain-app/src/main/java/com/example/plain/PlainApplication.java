package com.example.plain;

import reactor.core.publisher.Mono;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.MediaType;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * A plain WebFlux application with the starter and Django's stack in application.yml.
 */
@SpringBootApplication
@RestController
public class PlainApplication {

	public static void main(String[] args) {
		SpringApplication.run(PlainApplication.class, args);
	}

	@GetMapping(path = "/hello/", produces = MediaType.TEXT_PLAIN_VALUE)
	String hello() {
		return "hello";
	}

	/**
	 * The token a page would put in its form (Django's get_token); reading it sends the
	 * csrftoken cookie.
	 */
	@GetMapping(path = "/form/", produces = MediaType.TEXT_PLAIN_VALUE)
	Mono<String> form(ServerWebExchange exchange) {
		Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
		return (token != null) ? token.map(CsrfToken::getToken) : Mono.just("");
	}

	@PostMapping(path = "/form/", produces = MediaType.TEXT_PLAIN_VALUE)
	String submit() {
		return "ok";
	}

}
