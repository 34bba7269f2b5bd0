package io.asyncmiddleware.test;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

import static io.asyncmiddleware.test.MiddlewareMockServerConfigurers.csrfToken;

/**
 * {@link MiddlewareMockServerConfigurers#csrfToken()} against a running server: the stack
 * runs in the real server's handler and the token travels over HTTP.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "async-middleware.stack=security,session,csrf,authentication,x-frame-options")
@AutoConfigureWebTestClient
class CsrfTokenAgainstAServerTests {

	@Autowired
	private WebTestClient client;

	@Test
	void theServersStackRefusesAPostWithoutAToken() {
		this.client.post().uri("/comments/").exchange().expectStatus().isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void theServersStackAcceptsThePostWithTheToken() {
		this.client.mutateWith(csrfToken())
			.post()
			.uri("/comments/")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-Frame-Options", "DENY");
	}

}
