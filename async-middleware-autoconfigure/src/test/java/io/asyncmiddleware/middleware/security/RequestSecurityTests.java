package io.asyncmiddleware.middleware.security;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

class RequestSecurityTests {

	private final RequestSecurity proxied = RequestSecurity.proxySslHeader("X-Forwarded-Proto", "https");

	@Test
	@DisplayName("scheme only: https is secure, http is not, a forwarded header is ignored")
	void schemeOnly() {
		RequestSecurity security = RequestSecurity.schemeOnly();
		assertThat(security.isSecure(MockServerHttpRequest.get("https://example.com/").build())).isTrue();
		assertThat(security.isSecure(MockServerHttpRequest.get("http://example.com/")
			.header("X-Forwarded-Proto", "https")
			.build())).isFalse();
	}

	@Test
	@DisplayName("proxy header present: its first comma-separated item decides, trimmed, compared exactly")
	void proxyHeaderFirstItem() {
		assertThat(this.proxied.isSecure(forwarded(" https , http"))).isTrue();
		assertThat(this.proxied.isSecure(forwarded("http, https"))).isFalse();
		assertThat(this.proxied.isSecure(forwarded("HTTPS"))).isFalse();
		assertThat(this.proxied.isSecure(forwarded(""))).isFalse();
	}

	@Test
	@DisplayName("proxy header present and not https overrides an https scheme, as Django's request.scheme does")
	void proxyHeaderOverridesScheme() {
		assertThat(this.proxied.isSecure(MockServerHttpRequest.get("https://example.com/")
			.header("x-forwarded-proto", "http")
			.build())).isFalse();
		assertThat(this.proxied.scheme(MockServerHttpRequest.get("https://example.com/").build())).isEqualTo("https");
	}

	private static MockServerHttpRequest forwarded(String value) {
		return MockServerHttpRequest.get("http://example.com/").header("X-Forwarded-Proto", value).build();
	}

}
