package io.asyncmiddleware.middleware;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.boot.web.server.Cookie.SameSite;
import org.springframework.http.ResponseCookie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link CookieSettings}.
 */
class CookieSettingsTests {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T18:26:14Z"), ZoneOffset.UTC);

	@Test
	@DisplayName("setCookieHeader: Django's set_cookie, attributes in Python's order")
	void setCookieHeaderInDjangosOrder() {
		CookieSettings cookie = new CookieSettings("sessionid", ".example.com", "/app/", true, true, SameSite.STRICT);
		assertThat(cookie.setCookieHeader("abc", Duration.ofSeconds(1209600), CLOCK))
			.isEqualTo("sessionid=abc; Domain=.example.com; expires=Mon, 07 Dec 2026 18:26:14 GMT; HttpOnly; "
					+ "Max-Age=1209600; Path=/app/; SameSite=Strict; Secure");
	}

	@Test
	@DisplayName("setCookieHeader: no lifetime for a browser-session cookie, no SameSite when omitted")
	void browserSessionCookieWithoutSameSite() {
		CookieSettings cookie = new CookieSettings("sessionid", null, "/", false, false, SameSite.OMITTED);
		assertThat(cookie.setCookieHeader("abc", null, CLOCK)).isEqualTo("sessionid=abc; Path=/");
	}

	@Test
	@DisplayName("deleteCookieHeader: Django's delete_cookie: quoted empty value, 1970, no HttpOnly, no Secure for Lax")
	void deleteCookieHeader() {
		CookieSettings cookie = new CookieSettings("messages", "example.com", "/", true, true, SameSite.LAX);
		assertThat(cookie.deleteCookieHeader()).isEqualTo("messages=\"\"; Domain=example.com; "
				+ "expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/; SameSite=Lax");
	}

	@Test
	@DisplayName("deleteCookieHeader: Secure where browsers require it: SameSite=None, __Secure- and __Host- names")
	void deletionIsSecureWhereBrowsersRequireIt() {
		assertThat(new CookieSettings("a", null, "/", false, false, SameSite.NONE).deleteCookieHeader())
			.endsWith("; SameSite=None; Secure");
		assertThat(new CookieSettings("__Secure-a", null, "/", false, false, SameSite.LAX).deleteCookieHeader())
			.endsWith("; SameSite=Lax; Secure");
		assertThat(new CookieSettings("__Host-a", null, "/", false, false, SameSite.OMITTED).deleteCookieHeader())
			.endsWith("; Path=/; Secure");
	}

	@Test
	@DisplayName("responseCookie: Spring's cookie with the same name and attributes; an empty domain is none")
	void responseCookie() {
		ResponseCookie cookie = new CookieSettings("c", ".example.com", "/app/", true, true, SameSite.STRICT)
			.responseCookie("v")
			.build();
		assertThat(cookie.getName()).isEqualTo("c");
		assertThat(cookie.getValue()).isEqualTo("v");
		assertThat(cookie.getPath()).isEqualTo("/app/");
		assertThat(cookie.getDomain()).isEqualTo(".example.com");
		assertThat(cookie.isSecure()).isTrue();
		assertThat(cookie.isHttpOnly()).isTrue();
		assertThat(cookie.getSameSite()).isEqualTo("Strict");
		assertThat(cookie.getMaxAge().isNegative()).isTrue();
		assertThat(new CookieSettings("csrftoken", "", "/", false, false, SameSite.OMITTED).responseCookie("s")
			.build()
			.toString()).isEqualTo("csrftoken=s; Path=/");
	}

	@Test
	@DisplayName("validated: a name that is not a token, a path without '/' or with ';', a domain with ';' are refused")
	void validated() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CookieSettings("session id", null, "/", false, true, SameSite.LAX)
				.validated("session cookie"))
			.withMessageStartingWith("Invalid session cookie name 'session id'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CookieSettings("s", null, "app", false, true, SameSite.LAX).validated("session cookie"))
			.withMessageStartingWith("Invalid session cookie path 'app'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CookieSettings("s", "a;b", "/", false, true, SameSite.LAX).validated("session cookie"))
			.withMessageStartingWith("Invalid session cookie domain 'a;b'");
		CookieSettings valid = new CookieSettings("s", ".example.com", "/", false, true, SameSite.LAX);
		assertThat(valid.validated("session cookie")).isSameAs(valid);
	}

}
