package io.asyncmiddleware.middleware.csrf;

import io.asyncmiddleware.EnableAutoConfigurationWithoutRedisOrSpringSecurity;
import io.asyncmiddleware.handler.ViewPhase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.WebFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Django's answers to unsafe requests no handler resolves, kept when nothing after the
 * stack could serve them (no Spring Security, no WebFilter of the application's): the URL
 * does not resolve, so no view-level check runs (CSRF-50's 404, APPEND_SLASH's 301). With
 * such a filter, the same requests are checked (see SpringSecurityCompositionIntegrationTests).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "async-middleware.stack=security,session,common,csrf,authentication,messages,x-frame-options",
				"spring.web.resources.add-mappings=false" })
@AutoConfigureWebTestClient
class CsrfUnresolvedRequestsIntegrationTests {

	@Autowired
	private WebTestClient client;

	@Test
	void aPostToAnUnknownUrlIs404NotA403() {
		this.client.post().uri("/nowhere/").exchange().expectStatus().isNotFound();
	}

	@Test
	void anUnslashedPostGetsTheAppendSlashRedirect() {
		this.client.post()
			.uri("/form")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.MOVED_PERMANENTLY)
			.expectHeader()
			.valueEquals("Location", "/form/");
	}

	@Test
	void theStackDoesNotMarkFilterEndpoints() {
		this.client.get()
			.uri("/attributes/")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.value("X-Filter-Endpoints", (value) -> assertThat(value).isEqualTo("false"));
	}

	@SpringBootConfiguration
	@EnableAutoConfigurationWithoutRedisOrSpringSecurity
	static class App {

		@Bean
		Routes routes() {
			return new Routes();
		}

		/** Shows what the stack told the entries; a filter before the stack, so no endpoint after it. */
		@Bean
		@org.springframework.core.annotation.Order(-1000)
		WebFilter attributes() {
			return (exchange, chain) -> {
				exchange.getResponse().beforeCommit(() -> {
					exchange.getResponse().getHeaders().set("X-Filter-Endpoints",
							String.valueOf(ViewPhase.mayBeServedByFilter(exchange)));
					return reactor.core.publisher.Mono.empty();
				});
				return chain.filter(exchange);
			};
		}

	}

	@RestController
	static class Routes {

		@PostMapping(path = "/form/", produces = MediaType.TEXT_PLAIN_VALUE)
		String submit() {
			return "ok";
		}

	}

}
