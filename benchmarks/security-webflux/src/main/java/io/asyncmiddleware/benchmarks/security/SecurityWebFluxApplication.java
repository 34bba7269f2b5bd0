package io.asyncmiddleware.benchmarks.security;

import java.time.Duration;

import reactor.core.publisher.Mono;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The peer of the full stack: the benchmark routes on WebFlux behind Spring Security's
 * reactive defaults, which is what a Spring user would pick instead of the stack. Every
 * request is permitted, and everything else is as {@code ServerHttpSecurity} sets it up:
 * its security headers, CSRF protection with the token in the {@code WebSession}, and the
 * security context loaded from the {@code WebSession}.
 */
@SpringBootApplication
@RestController
public class SecurityWebFluxApplication {

	@Bean
	SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http) {
		return http.authorizeExchange((exchanges) -> exchanges.anyExchange().permitAll()).build();
	}

	@GetMapping(path = "/hello/", produces = MediaType.TEXT_PLAIN_VALUE)
	String hello() {
		return "hello";
	}

	/**
	 * Django: {@code await asyncio.sleep(0.05)}; no thread waits.
	 */
	@GetMapping(path = "/slow/", produces = MediaType.TEXT_PLAIN_VALUE)
	Mono<String> slow() {
		return Mono.delay(Duration.ofMillis(50)).thenReturn("slow");
	}

	public static void main(String[] args) {
		SpringApplication.run(SecurityWebFluxApplication.class, args);
	}

}
