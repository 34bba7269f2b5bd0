package com.example.secured;

import reactor.core.publisher.Mono;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * A WebFlux application with its own Spring Security chain, written as Spring Security's
 * guide writes one (CSRF and headers left on), and the starter beside it.
 */
@SpringBootApplication
@RestController
public class SecuredApplication {

	public static void main(String[] args) {
		SpringApplication.run(SecuredApplication.class, args);
	}

	@Bean
	SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http) {
		return http
			.authorizeExchange((exchanges) -> exchanges.pathMatchers("/private/**").authenticated()
				.anyExchange().permitAll())
			.formLogin(Customizer.withDefaults())
			.build();
	}

	@Bean
	MapReactiveUserDetailsService users() {
		return new MapReactiveUserDetailsService(
				User.withUsername("alice").password("{noop}wonderland").roles("USER").build());
	}

	@GetMapping(path = "/hello/", produces = MediaType.TEXT_PLAIN_VALUE)
	String hello() {
		return "hello";
	}

	@GetMapping(path = "/form/", produces = MediaType.TEXT_PLAIN_VALUE)
	Mono<String> form(ServerWebExchange exchange) {
		Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
		return (token != null) ? token.map(CsrfToken::getToken) : Mono.just("");
	}

	@PostMapping(path = "/form/", produces = MediaType.TEXT_PLAIN_VALUE)
	String submit() {
		return "ok";
	}

	@GetMapping(path = "/private/", produces = MediaType.TEXT_PLAIN_VALUE)
	Mono<String> secret(ServerWebExchange exchange) {
		return exchange.getPrincipal().map((user) -> "secret for " + user.getName());
	}

}
