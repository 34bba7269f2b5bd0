package io.asyncmiddleware.middleware.auth;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LoginRedirect}.
 */
class LoginRedirectTests {

	private static final String REMOTE_LOGIN = "https://login.example/accounts/login/";

	@Test
	@DisplayName("a login URL on the request's host gets the path in next")
	void sameHostGetsThePath() {
		assertThat(LoginRedirect.location("/accounts/login/", "next",
				MockServerHttpRequest.get("http://testserver/secret/").header(HttpHeaders.HOST, "testserver").build()))
			.isEqualTo("/accounts/login/?next=/secret/");
	}

	@Test
	@DisplayName("a login URL on another host gets the absolute URL on the request's Host in next")
	void remoteLoginGetsTheAbsoluteUrl() {
		assertThat(LoginRedirect.location(REMOTE_LOGIN, "next",
				MockServerHttpRequest.get("http://testserver:8080/secret/?x=1")
					.header(HttpHeaders.HOST, "testserver:8080")
					.build()))
			.isEqualTo(REMOTE_LOGIN + "?next=http%3A//testserver%3A8080/secret/%3Fx%3D1");
	}

	@Test
	@DisplayName("a malformed Host is never put into next: the path alone is")
	void malformedHostIsNotInNext() {
		String location = LoginRedirect.location(REMOTE_LOGIN, "next",
				MockServerHttpRequest.get("http://testserver/secret/").header(HttpHeaders.HOST, "evil.test/x?").build());
		assertThat(location).isEqualTo(REMOTE_LOGIN + "?next=/secret/").doesNotContain("evil");
	}

}
