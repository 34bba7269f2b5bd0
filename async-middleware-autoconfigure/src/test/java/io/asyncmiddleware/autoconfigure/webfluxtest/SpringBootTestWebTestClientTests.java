package io.asyncmiddleware.autoconfigure.webfluxtest;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A user's {@code @SpringBootTest} with a mock {@code WebTestClient} (no server) gets the
 * stack too. The application has its own Spring Security chain that leaves CSRF and
 * headers to the stack, since Spring Security is on this module's test classpath.
 */
@SpringBootTest(properties = "async-middleware.stack=security,csrf,x-frame-options")
@AutoConfigureWebTestClient
class SpringBootTestWebTestClientTests {

	@Autowired
	private WebTestClient client;

	@TestConfiguration(proxyBeanMethods = false)
	static class PermitAllSecurity {

		@Bean
		SecurityWebFilterChain permitAll(ServerHttpSecurity http) {
			return http.authorizeExchange((exchanges) -> exchanges.anyExchange().permitAll())
				.csrf(ServerHttpSecurity.CsrfSpec::disable)
				.headers(ServerHttpSecurity.HeaderSpec::disable)
				.build();
		}

	}

	@Test
	void theMockClientRunsTheStack() {
		this.client.get()
			.uri("/hello/")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valuesMatch("X-Frame-Options", "DENY");
		this.client.post().uri("/hello/").exchange().expectStatus().isEqualTo(HttpStatus.FORBIDDEN);
	}

}
