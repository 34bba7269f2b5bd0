package io.asyncmiddleware.autoconfigure.webfluxtest;

import io.asyncmiddleware.stack.MiddlewareStack;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user's {@code @WebFluxTest} gets the stack: the slice imports the starter's
 * auto-configurations and its {@code WebTestClient} runs requests through the chain.
 */
@WebFluxTest(controllers = GreetingController.class,
		properties = "async-middleware.stack=security,common,csrf,x-frame-options")
class WebFluxTestSliceTests {

	@Autowired
	private WebTestClient client;

	@Autowired
	private MiddlewareStack stack;

	@Test
	void theSliceAssemblesTheDeclaredStack() {
		assertThat(this.stack.getDeclared()).containsExactly("security", "common", "csrf", "x-frame-options");
	}

	@Test
	void responsesCarryTheStacksHeadersOnce() {
		this.client.get()
			.uri("/hello/")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valuesMatch("X-Frame-Options", "DENY")
			.expectHeader()
			.valuesMatch("X-Content-Type-Options", "nosniff")
			.expectHeader()
			.valuesMatch("Referrer-Policy", "same-origin")
			.expectBody(String.class)
			.isEqualTo("hello");
	}

	@Test
	void anUnsafeRequestWithoutATokenGetsDjangosForbidden() {
		this.client.post()
			.uri("/hello/")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.FORBIDDEN)
			.expectBody(String.class)
			.value((body) -> assertThat(body).contains("CSRF verification failed"));
	}

}
