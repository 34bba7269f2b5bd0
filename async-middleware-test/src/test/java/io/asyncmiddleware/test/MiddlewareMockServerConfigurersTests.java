package io.asyncmiddleware.test;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.test.web.reactive.server.WebTestClient;

import static io.asyncmiddleware.test.MiddlewareMockServerConfigurers.csrfToken;
import static io.asyncmiddleware.test.MiddlewareMockServerConfigurers.login;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link MiddlewareMockServerConfigurers}, in a user's {@code @WebFluxTest}.
 */
@WebFluxTest(controllers = AccountController.class,
		properties = "async-middleware.stack=security,session,csrf,authentication")
class MiddlewareMockServerConfigurersTests {

	@Autowired
	private WebTestClient client;

	@Test
	void anUnsafeRequestWithoutATokenIsRefused() {
		this.client.post().uri("/comments/").exchange().expectStatus().isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void csrfTokenSendsACookieAndAMaskedTokenTheCsrfEntryAccepts() {
		this.client.mutateWith(csrfToken())
			.post()
			.uri("/comments/")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.isEqualTo("saved");
	}

	@Test
	void csrfTokenUnderOtherNamesIsNotTheOneTheEntryReads() {
		// proves the names matter: the entry reads Django's csrftoken / X-CSRFToken
		this.client.mutateWith(csrfToken().cookieName("other").headerName("X-Other"))
			.post()
			.uri("/comments/")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void anAnonymousUserIsSentToTheLoginPage() {
		this.client.get()
			.uri("/account/")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.FOUND)
			.expectHeader()
			.valueEquals("Location", "/accounts/login/?next=/account/");
	}

	@Test
	void loginPutsTheUserInTheSessionTheAuthenticationEntryReads() {
		this.client.mutateWith(login("alice", "USER"))
			.get()
			.uri("/account/")
			.exchange()
			.expectStatus()
			.isOk()
			// the session that holds the user is the application's, saved as after a login
			.expectHeader()
			.valueMatches("Set-Cookie", "sessionid=[^;]+;.*")
			.expectBody(String.class)
			.isEqualTo("account of alice");
	}

	@Test
	void loginTakesAnAuthentication() {
		this.client.mutateWith(login(new TestingAuthenticationToken("bob", null, "ROLE_STAFF")))
			.get()
			.uri("/account/")
			.exchange()
			.expectBody(String.class)
			.isEqualTo("account of bob");
	}

	@Test
	void loginAndCsrfTokenCombine() {
		this.client.mutateWith(login("alice"))
			.mutateWith(csrfToken())
			.post()
			.uri("/comments/")
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void loginNeedsTheAuthenticationEntry() {
		WebTestClient withoutStack = WebTestClient.bindToWebHandler((exchange) -> exchange.getResponse().setComplete())
			.build();
		assertThatIllegalStateException().isThrownBy(() -> withoutStack.mutateWith(login("alice")))
			.withMessageContaining("'authentication' entry");
	}

	@Test
	void loginNeedsAClientBoundToTheApplication() {
		WebTestClient againstAServer = WebTestClient.bindToServer().baseUrl("http://localhost:1").build();
		assertThatIllegalStateException().isThrownBy(() -> againstAServer.mutateWith(login("alice")))
			.withMessageContaining("log in through the application's login endpoint");
		// the CSRF mutator needs no application: it only sets a cookie and a header
		assertThat(againstAServer.mutateWith(csrfToken())).isNotNull();
	}

}
