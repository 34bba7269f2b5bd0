package io.asyncmiddleware.benchmarks.stack;

import java.time.Duration;

import reactor.core.publisher.Mono;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The benchmark routes on WebFlux with the starter: the stack is whatever
 * {@code async-middleware.stack} names (the full stack in application.properties), plus
 * the blocking entry that {@code bench.blocking} selects (see {@link BlockingEntries}).
 */
@SpringBootApplication
@RestController
public class StackBenchmarkApplication {

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

	/**
	 * Spring Security's own chain, as an application on the stack has one: everything is
	 * public, and the stack's entries (not this chain) write headers and check CSRF.
	 */
	@Bean
	SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http) {
		return http.authorizeExchange((exchanges) -> exchanges.anyExchange().permitAll())
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.headers(ServerHttpSecurity.HeaderSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			// as in the sample app: the authentication entry puts the user in the Reactor
			// context; reading the session here would add Vary: Cookie to every response
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.requestCache((cache) -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.build();
	}

	public static void main(String[] args) {
		SpringApplication.run(StackBenchmarkApplication.class, args);
	}

}
