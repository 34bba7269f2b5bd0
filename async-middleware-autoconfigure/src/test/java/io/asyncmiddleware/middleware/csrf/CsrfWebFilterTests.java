package io.asyncmiddleware.middleware.csrf;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Flux;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class CsrfWebFilterTests {

	private static final String HTTPS = "https://www.example.com";

	private final CsrfTokenFormat format = new CsrfTokenFormat();

	private final String secret = this.format.newSecret();

	private WebTestClient client = CsrfTestApp.client(CsrfTestApp.filter());

	private void use(CsrfWebFilter filter) {
		this.client = CsrfTestApp.client(filter);
	}

	private EntityExchangeResult<String> get(String uri, String cookie) {
		WebTestClient.RequestHeadersSpec<?> spec = this.client.get().uri(uri);
		if (cookie != null) {
			spec = spec.cookie("csrftoken", cookie);
		}
		return spec.exchange().expectBody(String.class).returnResult();
	}

	private EntityExchangeResult<String> postHeader(String uri, String cookie, String token) {
		WebTestClient.RequestBodySpec spec = this.client.post().uri(uri);
		if (cookie != null) {
			spec = spec.cookie("csrftoken", cookie);
		}
		if (token != null) {
			spec = spec.header("X-CSRFToken", token);
		}
		return spec.exchange().expectBody(String.class).returnResult();
	}

	private EntityExchangeResult<String> postForm(String uri, String cookie, String field) {
		WebTestClient.RequestBodySpec spec = this.client.post().uri(uri);
		if (cookie != null) {
			spec = spec.cookie("csrftoken", cookie);
		}
		return spec.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData("csrfmiddlewaretoken", field).with("name", "alice"))
			.exchange()
			.expectBody(String.class)
			.returnResult();
	}

	private static void assertRejected(EntityExchangeResult<String> result, String reason) {
		assertThat(result.getStatus().value()).isEqualTo(403);
		assertThat(result.getResponseBody()).contains(HtmlUtils.htmlEscape(reason, "UTF-8"));
	}

	private static void assertAccepted(EntityExchangeResult<String> result) {
		assertThat(result.getStatus().value()).as(result.getResponseBody()).isEqualTo(200);
	}

	private static ResponseCookie csrfCookie(EntityExchangeResult<?> result) {
		return result.getResponseCookies().getFirst("csrftoken");
	}

	@Test
	@DisplayName("CSRF-02: get_token gives a 64-char token for the cookie's secret, and the cookie is sent")
	void getTokenSendsCookie() {
		EntityExchangeResult<String> result = get("/token/", null);
		ResponseCookie cookie = csrfCookie(result);
		assertThat(cookie.getValue()).matches("[a-zA-Z0-9]{32}");
		assertThat(result.getResponseBody()).matches("[a-zA-Z0-9]{64}");
		assertThat(CsrfTokenFormat.unmask(result.getResponseBody())).isEqualTo(cookie.getValue());
		assertThat(result.getResponseHeaders().getVary()).contains("Cookie");
	}

	@Test
	@DisplayName("CSRF-02: two page views get different tokens for the same secret (fresh mask)")
	void freshMaskEachTime() {
		String first = get("/token/", this.secret).getResponseBody();
		String second = get("/token/", this.secret).getResponseBody();
		assertThat(first).isNotEqualTo(second);
		assertThat(CsrfTokenFormat.unmask(first)).isEqualTo(this.secret);
		assertThat(CsrfTokenFormat.unmask(second)).isEqualTo(this.secret);
	}

	@Test
	@DisplayName("CSRF-03: rotation gives a new 32-char secret, sent in the cookie")
	void rotationSendsNewSecret() {
		EntityExchangeResult<String> result = get("/rotate/", this.secret);
		assertThat(csrfCookie(result).getValue()).matches("[a-zA-Z0-9]{32}").isNotEqualTo(this.secret);
	}

	@Test
	@DisplayName("CSRF-05: a view that never uses the token sends no CSRF cookie")
	void noTokenNoCookie() {
		EntityExchangeResult<String> result = get("/plain/", null);
		assertThat(result.getResponseCookies()).doesNotContainKey("csrftoken");
		assertThat(result.getResponseHeaders().getVary()).doesNotContain("Cookie");
	}

	@Test
	@DisplayName("CSRF-06: POST without a cookie is 403 'CSRF cookie not set.' with the WARNING log line")
	void noCookie(CapturedOutput output) {
		assertRejected(postHeader("/form/", null, this.format.mask(this.secret)), "CSRF cookie not set.");
		assertThat(output).contains("WARN").contains("Forbidden (CSRF cookie not set.): /form/");
	}

	@ParameterizedTest(name = "cookie {0}")
	@DisplayName("CSRF-06: without a usable cookie the 403 is decided before the form body is read")
	@ValueSource(strings = { "", "bad" })
	void noCookieBodyUnread(String cookie) {
		AtomicBoolean read = new AtomicBoolean();
		Flux<DataBuffer> body = Flux.defer(() -> {
			read.set(true);
			return Flux.just(DefaultDataBufferFactory.sharedInstance
				.wrap(("csrfmiddlewaretoken=" + this.format.mask(this.secret)).getBytes(StandardCharsets.UTF_8)));
		});
		WebTestClient.RequestBodySpec spec = this.client.post().uri("/form/");
		if (!cookie.isEmpty()) {
			spec = spec.cookie("csrftoken", cookie);
		}
		EntityExchangeResult<String> result = spec.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromDataBuffers(body)).exchange().expectBody(String.class).returnResult();
		assertThat(result.getStatus().value()).isEqualTo(403);
		assertThat(read).as("body read").isFalse();
	}

	@Test
	@DisplayName("CSRF-07: a cookie but no token is 403 'CSRF token missing.'")
	void noToken() {
		assertRejected(postHeader("/form/", this.secret, null), "CSRF token missing.");
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@DisplayName("CSRF-08: bad POST field tokens get Django's reasons")
	@CsvSource(delimiter = '|', value = { "aaaaaaaaaaaaaaaa|CSRF token from POST has incorrect length.",
			"****************************************************************|CSRF token from POST has invalid characters.",
			"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa|CSRF token from POST incorrect." })
	void badFormToken(String token, String reason) {
		assertRejected(postForm("/form/", this.secret, token), reason);
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@DisplayName("CSRF-09: bad header tokens get Django's reasons naming 'X-Csrftoken'")
	@CsvSource(delimiter = '|', value = {
			"aaaaaaaaaaaaaaaa|CSRF token from the 'X-Csrftoken' HTTP header has incorrect length.",
			"****************************************************************|CSRF token from the 'X-Csrftoken' HTTP header has invalid characters.",
			"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa|CSRF token from the 'X-Csrftoken' HTTP header incorrect." })
	void badHeaderToken(String token, String reason) {
		assertRejected(postHeader("/form/", this.secret, token), reason);
	}

	@Test
	@DisplayName("CSRF-09: an empty header is a token of incorrect length, not a missing one")
	void emptyHeader() {
		assertRejected(postHeader("/form/", this.secret, ""),
				"CSRF token from the 'X-Csrftoken' HTTP header has incorrect length.");
	}

	@Test
	@DisplayName("CSRF-10: a custom header name (Django form HTTP_X_CSRFTOKEN_CUSTOMIZED) is used and named in reasons")
	void customHeader() {
		use(CsrfTestApp.filter((cookies) -> {
		}, (filter) -> filter.setHeaderName("HTTP_X_CSRFTOKEN_CUSTOMIZED")));
		assertAccepted(this.client.post().uri("/form/").cookie("csrftoken", this.secret)
			.header("X-CSRFTOKEN-CUSTOMIZED", this.format.mask(this.secret)).exchange().expectBody(String.class)
			.returnResult());
		assertRejected(this.client.post().uri("/form/").cookie("csrftoken", this.secret)
			.header("X-CSRFTOKEN-CUSTOMIZED", "a".repeat(16)).exchange().expectBody(String.class).returnResult(),
				"CSRF token from the 'X-Csrftoken-Customized' HTTP header has incorrect length.");
		assertRejected(postHeader("/form/", this.secret, this.format.mask(this.secret)), "CSRF token missing.");
	}

	@Test
	@DisplayName("CSRF-11: cookie + valid POST field token is accepted and the handler still reads the form")
	void validFormToken() {
		EntityExchangeResult<String> result = postForm("/form/", this.secret, this.format.mask(this.secret));
		assertAccepted(result);
		assertThat(result.getResponseBody()).isEqualTo("ok alice");
	}

	@Test
	@DisplayName("CSRF-11: a multipart form field token is accepted")
	void multipartToken() {
		// written by hand: the client's boundary generator reads /dev/urandom, which BlockHound flags
		String body = "--b0undary\r\nContent-Disposition: form-data; name=\"csrfmiddlewaretoken\"\r\n\r\n"
				+ this.format.mask(this.secret) + "\r\n--b0undary--\r\n";
		assertAccepted(this.client.post().uri("/form/").cookie("csrftoken", this.secret)
			.contentType(MediaType.parseMediaType("multipart/form-data; boundary=b0undary")).bodyValue(body).exchange()
			.expectBody(String.class).returnResult());
	}

	@Test
	@DisplayName("CSRF-11: the last of duplicated form fields counts, as Django's QueryDict.get")
	void lastFormFieldWins() {
		assertAccepted(this.client.post().uri("/form/").cookie("csrftoken", this.secret)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.bodyValue("csrfmiddlewaretoken=bad&csrfmiddlewaretoken=" + this.format.mask(this.secret))
			.exchange().expectBody(String.class).returnResult());
	}

	@Test
	@DisplayName("CSRF-11: an empty POST field falls through to the header")
	void emptyFieldFallsToHeader() {
		assertAccepted(this.client.post().uri("/form/").cookie("csrftoken", this.secret)
			.header("X-CSRFToken", this.secret).contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.bodyValue("csrfmiddlewaretoken=&name=x").exchange().expectBody(String.class).returnResult());
	}

	@Test
	@DisplayName("CSRF-12: a csrf-exempt handler accepts a POST with nothing")
	void exempt() {
		assertAccepted(postHeader("/exempt/", null, null));
	}

	@ParameterizedTest(name = "masked={0}")
	@DisplayName("CSRF-13: cookie + X-CSRFToken header (masked or bare) is accepted")
	@ValueSource(booleans = { true, false })
	void headerToken(boolean masked) {
		assertAccepted(postHeader("/form/", this.secret, masked ? this.format.mask(this.secret) : this.secret));
	}

	@ParameterizedTest(name = "{0}")
	@DisplayName("CSRF-14: PUT, DELETE, PATCH and custom verbs without a cookie are 403")
	@ValueSource(strings = { "PUT", "DELETE", "PATCH", "PURGE" })
	void unsafeMethodsChecked(String method) {
		assertRejected(this.client.method(HttpMethod.valueOf(method)).uri("/form/").exchange()
			.expectBody(String.class).returnResult(), "CSRF cookie not set.");
	}

	@ParameterizedTest(name = "{0}")
	@DisplayName("CSRF-14: PUT and DELETE with cookie + header are accepted")
	@ValueSource(strings = { "PUT", "DELETE" })
	void unsafeMethodsAccepted(String method) {
		assertAccepted(this.client.method(HttpMethod.valueOf(method)).uri("/plain/").cookie("csrftoken", this.secret)
			.header("X-CSRFToken", this.format.mask(this.secret)).exchange().expectBody(String.class).returnResult());
	}

	@ParameterizedTest(name = "{0}")
	@DisplayName("CSRF-14: GET, HEAD, OPTIONS and TRACE are never checked")
	@ValueSource(strings = { "GET", "HEAD", "OPTIONS", "TRACE" })
	void safeMethodsUnchecked(String method) {
		this.client.method(HttpMethod.valueOf(method)).uri("/plain/").header("Origin", "https://evil.org")
			.exchange().expectStatus().isOk();
	}

	@Test
	@DisplayName("CSRF-15: rotation after get_token sends one cookie whose value differs from the old secret")
	void rotationAfterGetToken() {
		EntityExchangeResult<String> result = get("/rotate/", this.secret);
		assertThat(result.getResponseHeaders().get("Set-Cookie")).hasSize(1);
		assertThat(csrfCookie(result).getValue()).isNotEqualTo(this.secret);
	}

	@Test
	@DisplayName("CSRF-16: an empty cookie gets a new secret issued and rendered")
	void emptyCookie() {
		EntityExchangeResult<String> result = get("/token/", "");
		String cookie = csrfCookie(result).getValue();
		assertThat(cookie).matches("[a-zA-Z0-9]{32}");
		assertThat(CsrfTokenFormat.unmask(result.getResponseBody())).isEqualTo(cookie);
	}

	@Test
	@DisplayName("CSRF-17: the template attribute renders name csrfmiddlewaretoken and a token for the cookie")
	void templateAttribute() {
		EntityExchangeResult<String> result = get("/mono-token/", this.secret);
		assertThat(result.getResponseBody()).startsWith("csrfmiddlewaretoken=");
		String token = result.getResponseBody().substring("csrfmiddlewaretoken=".length());
		assertThat(CsrfTokenFormat.unmask(token)).isEqualTo(this.secret);
		assertThat(csrfCookie(result).getValue()).isEqualTo(this.secret);
	}

	@Test
	@DisplayName("CSRF-18: an accepted POST to a token-using view re-sends the same secret")
	void acceptedPostKeepsSecret() {
		EntityExchangeResult<String> result = this.client.post().uri("/token/").cookie("csrftoken", this.secret)
			.header("X-CSRFToken", this.format.mask(this.secret)).exchange().expectBody(String.class).returnResult();
		assertAccepted(result);
		assertThat(csrfCookie(result).getValue()).isEqualTo(this.secret);
	}

	private EntityExchangeResult<String> securePost(String host, String origin, String referer) {
		WebTestClient.RequestBodySpec spec = this.client.post().uri(HTTPS + "/form/").cookie("csrftoken", this.secret)
			.header("X-CSRFToken", this.format.mask(this.secret));
		if (host != null) {
			spec = spec.header("Host", host);
		}
		if (origin != null) {
			spec = spec.header("Origin", origin);
		}
		if (referer != null) {
			spec = spec.header("Referer", referer);
		}
		return spec.exchange().expectBody(String.class).returnResult();
	}

	@Test
	@DisplayName("CSRF-19: HTTPS with an evil Referer is 403 naming the Referer")
	void evilReferer() {
		assertRejected(securePost(null, null, "https://www.evil.org/somepage"),
				"Referer checking failed - https://www.evil.org/somepage does not match any trusted origins.");
	}

	@Test
	@DisplayName("CSRF-19: the evil Referer is named without userinfo, query or fragment, in the log line and the 403")
	void evilRefererRedacted(CapturedOutput output) {
		EntityExchangeResult<String> result = securePost(null, null,
				"https://user:pass@www.evil.org:8443/somepage?token=s3cret#frag");
		// query strings and userinfo can carry secrets; the origin and path are enough to investigate
		String reason = "Referer checking failed - https://www.evil.org:8443/somepage does not match any trusted origins.";
		assertRejected(result, reason);
		assertThat(output).contains("Forbidden (" + reason + "): /form/");
		for (String secret : List.of("s3cret", "token=", "#frag", "user:pass", "pass@")) {
			assertThat(output.getAll()).doesNotContain(secret);
			assertThat(result.getResponseBody()).doesNotContain(secret);
		}
	}

	@Test
	@DisplayName("CSRF-20: HTTPS without Referer is 403 'Referer checking failed - no Referer.'")
	void noReferer() {
		assertRejected(securePost(null, null, null), "Referer checking failed - no Referer.");
	}

	@Test
	@DisplayName("CSRF-21: HTTPS, malformed Host and evil Referer is 403 bad referer")
	void malformedHostEvilReferer() {
		assertRejected(securePost("@malformed", null, "https://www.evil.org/somepage"),
				"Referer checking failed - https://www.evil.org/somepage does not match any trusted origins.");
	}

	@Test
	@DisplayName("CSRF-22: malformed Host and an evil Origin is 403 bad origin")
	void malformedHostEvilOrigin() {
		assertRejected(securePost("@malformed", "https://www.evil.org", null),
				"Origin checking failed - https://www.evil.org does not match any trusted origins.");
	}

	@Test
	@DisplayName("CSRF-23: an http Referer on HTTPS is insecure")
	void insecureReferer() {
		assertRejected(securePost(null, null, "http://http://www.example.com/"),
				"Referer checking failed - Referer is insecure while host is secure.");
	}

	@ParameterizedTest(name = "Referer ''{0}''")
	@DisplayName("CSRF-23: malformed Referers are 403 'Referer is malformed.'")
	@ValueSource(strings = { "", "ØBöIß", "//example.com/", "https://", "https://[", "garbage", "https://]x",
			"https://[not-ipv6]/" })
	void malformedReferer(String referer) {
		assertRejected(securePost(null, null, referer), "Referer checking failed - Referer is malformed.");
	}

	@ParameterizedTest(name = "Referer {0}")
	@DisplayName("CSRF-24: HTTPS Referers of the host are accepted, with or without a path")
	@ValueSource(strings = { "https://www.example.com/somepage", "https://www.example.com", "HTTPS://www.example.com/" })
	void goodReferer(String referer) {
		assertAccepted(securePost(null, null, referer));
	}

	@Test
	@DisplayName("CSRF-24: an upper-case Referer host fails, as Django does not lower-case it")
	void upperCaseRefererHost() {
		assertRejected(securePost(null, null, "https://WWW.example.com/"),
				"Referer checking failed - https://WWW.example.com/ does not match any trusted origins.");
	}

	@Test
	@DisplayName("CSRF-25: behind a proxy, the cookie domain matches and forwarded port 443 adds no suffix")
	void proxiedCookieDomain() {
		use(CsrfTestApp.filter((cookies) -> cookies.setCookieDomain(".example.com"),
				(filter) -> filter.setRefererCookieDomain(".example.com")));
		assertAccepted(this.client.post().uri("https://10.0.0.2:443/form/").cookie("csrftoken", this.secret)
			.header("X-CSRFToken", this.secret).header("Referer", "https://www.example.com/somepage").exchange()
			.expectBody(String.class).returnResult());
	}

	@Test
	@DisplayName("CSRF-26: a trusted-origin Referer is accepted even with a malformed Host")
	void trustedRefererMalformedHost() {
		use(CsrfTestApp.filter((cookies) -> {
		}, (filter) -> filter.setTrustedOrigins(List.of("https://dashboard.example.com"))));
		assertAccepted(securePost("@malformed", null, "https://dashboard.example.com/"));
	}

	@ParameterizedTest(name = "Referer {0}")
	@DisplayName("CSRF-27: exact and wildcard trusted-origin Referers are accepted")
	@ValueSource(strings = { "https://dashboard.example.com/", "https://foo.example.com/x", "https://example.com/" })
	void trustedReferers(String referer) {
		use(CsrfTestApp.filter((cookies) -> {
		}, (filter) -> filter.setTrustedOrigins(List.of("https://dashboard.example.com", "https://*.example.com"))));
		assertAccepted(securePost("www.other.org", null, referer));
	}

	@Test
	@DisplayName("CSRF-27: trusted origins ignore their scheme for the Referer check")
	void trustedRefererIgnoresScheme() {
		use(CsrfTestApp.filter((cookies) -> {
		}, (filter) -> filter.setTrustedOrigins(List.of("http://dashboard.example.com"))));
		assertAccepted(securePost("www.other.org", null, "https://dashboard.example.com/"));
	}

	@Test
	@DisplayName("CSRF-28: with a cookie domain, a subdomain Referer on 443 and on the server's own port 4443 is accepted")
	void cookieDomainReferer() {
		use(CsrfTestApp.filter((cookies) -> cookies.setCookieDomain(".example.com"),
				(filter) -> filter.setRefererCookieDomain(".example.com")));
		assertAccepted(securePost("www.example.com", null, "https://foo.example.com/"));
		assertAccepted(this.client.post().uri("https://www.example.com:4443/form/").cookie("csrftoken", this.secret)
			.header("X-CSRFToken", this.secret).header("Referer", "https://foo.example.com:4443/").exchange()
			.expectBody(String.class).returnResult());
		assertRejected(securePost("www.example.com", null, "https://foo.evil.com/"),
				"Referer checking failed - https://foo.evil.com/ does not match any trusted origins.");
	}

	@Test
	@DisplayName("CSRF-30: an unreadable form body means a missing token, not a 500")
	void unreadableBody() {
		assertRejected(this.client.post().uri("/form/").cookie("csrftoken", this.secret)
			.contentType(MediaType.MULTIPART_FORM_DATA).bodyValue("--nonsense\r\nno parts here").exchange()
			.expectBody(String.class).returnResult(), "CSRF token missing.");
	}

	@ParameterizedTest(name = "Origin {0}")
	@DisplayName("CSRF-31: bad Origins are 403 'Origin checking failed - ... does not match any trusted origins.'")
	@ValueSource(strings = { "https://www.evil.org", "null", "http://www.example.com", "http://foo.example.com",
			"https://[", "", "https://foo.example.com:8443" })
	void badOrigin(String origin) {
		use(CsrfTestApp.filter((cookies) -> {
		}, (filter) -> filter.setTrustedOrigins(List.of("https://*.example.com"))));
		assertRejected(securePost("www.example.com", origin, null),
				"Origin checking failed - " + origin + " does not match any trusted origins.");
	}

	@Test
	@DisplayName("CSRF-31: the host's Origin is compared exactly: an upper-case scheme is rejected")
	void originComparedExactly() {
		assertRejected(securePost("www.example.com", "HTTPS://www.example.com", null),
				"Origin checking failed - HTTPS://www.example.com does not match any trusted origins.");
	}

	@Test
	@DisplayName("CSRF-32: Origin of the host is accepted over HTTP and over HTTPS")
	void goodOrigin() {
		assertAccepted(this.client.post().uri("http://www.example.com/form/").cookie("csrftoken", this.secret)
			.header("X-CSRFToken", this.secret).header("Origin", "http://www.example.com").exchange()
			.expectBody(String.class).returnResult());
		assertAccepted(securePost(null, "https://www.example.com", null));
	}

	@ParameterizedTest(name = "Origin {0}")
	@DisplayName("CSRF-32: trusted exact and wildcard Origins are accepted")
	@ValueSource(strings = { "https://dashboard.example.com", "https://foo.example.com", "https://a.b.example.com",
			"HTTPS://foo.example.com" })
	void trustedOrigins(String origin) {
		use(CsrfTestApp.filter((cookies) -> {
		}, (filter) -> filter.setTrustedOrigins(List.of("https://dashboard.example.com", "https://*.example.com"))));
		assertAccepted(securePost("www.other.org", origin, null));
	}

	@Test
	@DisplayName("CSRF-33: using the token sends the cookie with Vary: Cookie, appended to an existing Vary")
	void varyCookie() {
		assertThat(get("/token/", this.secret).getResponseHeaders().getVary()).containsExactly("Cookie");
		EntityExchangeResult<String> result = get("/vary/", this.secret);
		assertThat(result.getResponseHeaders().getVary()).containsExactly("Accept-Language", "Cookie");
		assertThat(csrfCookie(result).getValue()).isEqualTo(this.secret);
	}

	@Test
	@DisplayName("CSRF-24: an IPv6 host and Referer are compared like any other, and a bad IPv6 literal is malformed")
	void ipv6Referer() {
		assertAccepted(securePost("[::1]", null, "https://[::1]/x"));
		assertRejected(securePost("[::1]", null, "https://[::1::2]/x"), "Referer checking failed - Referer is malformed.");
	}

	@Test
	@DisplayName("CSRF-34: default cookie: 52 weeks, Path=/, SameSite=Lax, not Secure, not HttpOnly, no Domain")
	void defaultCookieAttributes() {
		ResponseCookie cookie = csrfCookie(get("/token/", null));
		assertThat(cookie.getMaxAge()).isEqualTo(Duration.ofSeconds(31449600));
		assertThat(cookie.getPath()).isEqualTo("/");
		assertThat(cookie.getSameSite()).isEqualTo("Lax");
		assertThat(cookie.isSecure()).isFalse();
		assertThat(cookie.isHttpOnly()).isFalse();
		assertThat(cookie.getDomain()).isNull();
	}

	@Test
	@DisplayName("CSRF-34: a cookie age of 123 gives Max-Age=123 and Expires")
	void cookieAge() {
		use(CsrfTestApp.filter((cookies) -> cookies.setCookieMaxAge(Duration.ofSeconds(123)), (filter) -> {
		}));
		EntityExchangeResult<String> result = get("/token/", null);
		assertThat(csrfCookie(result).getMaxAge()).isEqualTo(Duration.ofSeconds(123));
		assertThat(result.getResponseHeaders().getFirst("Set-Cookie")).contains("Max-Age=123").contains("Expires=");
	}

	@Test
	@DisplayName("CSRF-34: no cookie age gives a session cookie without Max-Age or Expires")
	void sessionCookie() {
		use(CsrfTestApp.filter((cookies) -> cookies.setCookieMaxAge(null), (filter) -> {
		}));
		String header = get("/token/", null).getResponseHeaders().getFirst("Set-Cookie");
		assertThat(header).startsWith("csrftoken=").doesNotContain("Max-Age").doesNotContain("Expires");
	}

	@Test
	@DisplayName("CSRF-35: SameSite=Strict, Domain, Path, Secure and HttpOnly come from the settings")
	void customCookieAttributes() {
		use(CsrfTestApp.filter((cookies) -> {
			cookies.setCookieSameSite("strict");
			cookies.setCookieDomain(".example.com");
			cookies.setCookiePath("/app/");
			cookies.setCookieSecure(true);
			cookies.setCookieHttpOnly(true);
			cookies.setCookieName("mycsrf");
		}, (filter) -> {
		}));
		ResponseCookie cookie = this.client.get().uri("/token/").exchange().expectBody(String.class).returnResult()
			.getResponseCookies().getFirst("mycsrf");
		assertThat(cookie.getSameSite()).isEqualTo("Strict");
		assertThat(cookie.getDomain()).isEqualTo(".example.com");
		assertThat(cookie.getPath()).isEqualTo("/app/");
		assertThat(cookie.isSecure()).isTrue();
		assertThat(cookie.isHttpOnly()).isTrue();
	}

	@ParameterizedTest(name = "cookie {0}")
	@DisplayName("CSRF-36: POST with a malformed cookie is rejected for the cookie")
	@CsvSource(delimiter = '|', value = {
			"****************************************************************|CSRF cookie has invalid characters.",
			"aaaaaaaaaaaaaaaa|CSRF cookie has incorrect length." })
	void malformedCookie(String cookie, String reason) {
		EntityExchangeResult<String> result = postHeader("/form/", cookie, this.format.mask(this.secret));
		assertRejected(result, reason);
		assertThat(csrfCookie(result).getValue()).matches("[a-zA-Z0-9]{32}");
	}

	@Test
	@DisplayName("CSRF-37: a 100 000-char cookie on a token view is replaced by a 32-char secret")
	void hugeCookie() {
		EntityExchangeResult<String> result = get("/token/", "a".repeat(100_000));
		assertThat(result.getStatus().value()).isEqualTo(200);
		assertThat(csrfCookie(result).getValue()).matches("[a-zA-Z0-9]{32}");
	}

	@Test
	@DisplayName("CSRF-37: a 100 000-char token header is a clean 403, not a 500")
	void hugeHeader() {
		assertRejected(postHeader("/form/", this.secret, "a".repeat(100_000)),
				"CSRF token from the 'X-Csrftoken' HTTP header has incorrect length.");
	}

	@Test
	@DisplayName("CSRF-38: a cookie with !@# characters on a token view is replaced")
	void badCharactersCookie() {
		EntityExchangeResult<String> result = get("/token/", "!@#" + "a".repeat(29));
		String cookie = csrfCookie(result).getValue();
		assertThat(cookie).matches("[a-zA-Z0-9]{32}");
		assertThat(CsrfTokenFormat.unmask(result.getResponseBody())).isEqualTo(cookie);
	}

	@ParameterizedTest(name = "cookie masked={0}, token masked={1}, header={2}")
	@DisplayName("CSRF-39: every combination of bare/masked cookie and token, by field or header, is accepted")
	@CsvSource({ "false,false,false", "false,true,false", "true,false,false", "true,true,false", "false,false,true",
			"false,true,true", "true,false,true", "true,true,true" })
	void allCombinations(boolean maskedCookie, boolean maskedToken, boolean header) {
		String cookie = maskedCookie ? this.format.mask(this.secret) : this.secret;
		String token = maskedToken ? this.format.mask(this.secret) : this.secret;
		assertAccepted(header ? postHeader("/form/", cookie, token) : postForm("/form/", cookie, token));
	}

	@Test
	@DisplayName("CSRF-41: an invalid cookie 'badvalue' on a GET that doesn't use the token gets a new cookie")
	void invalidCookieReplacedOnPlainGet() {
		EntityExchangeResult<String> result = get("/plain/", "badvalue");
		assertThat(csrfCookie(result).getValue()).matches("[a-zA-Z0-9]{32}");
		assertThat(result.getResponseHeaders().getVary()).contains("Cookie");
	}

	@ParameterizedTest(name = "masked={0}")
	@DisplayName("CSRF-42: a valid cookie on a GET whose view doesn't use the token gets no Set-Cookie")
	@ValueSource(booleans = { true, false })
	void validCookieNotResent(boolean masked) {
		EntityExchangeResult<String> result = get("/plain/", masked ? this.format.mask(this.secret) : this.secret);
		assertThat(result.getResponseHeaders().get("Set-Cookie")).isNull();
	}

	@Test
	@DisplayName("CSRF-43: a masked cookie + POST to a token view is accepted and the response cookie is the secret")
	void maskedCookieUnmaskedInResponse() {
		EntityExchangeResult<String> result = this.client.post().uri("/token/")
			.cookie("csrftoken", this.format.mask(this.secret)).header("X-CSRFToken", this.secret).exchange()
			.expectBody(String.class).returnResult();
		assertAccepted(result);
		assertThat(csrfCookie(result).getValue()).isEqualTo(this.secret);
		assertThat(csrfCookie(get("/token/", "A".repeat(64))).getValue()).isEqualTo("a".repeat(32));
	}

	@Test
	@DisplayName("CSRF-44: HTTPS + cookie domain + an http Referer is the insecure-referer 403")
	void cookieDomainInsecureReferer() {
		use(CsrfTestApp.filter((cookies) -> cookies.setCookieDomain(".example.com"),
				(filter) -> filter.setRefererCookieDomain(".example.com")));
		assertRejected(securePost(null, null, "http://example.com/"),
				"Referer checking failed - Referer is insecure while host is secure.");
	}

	@Test
	@DisplayName("CSRF-47: two 404 responses from a handler using the token give tokens for the same secret")
	void notFoundHandlerTokens() {
		EntityExchangeResult<String> first = get("/notfound/", null);
		assertThat(first.getStatus().value()).isEqualTo(404);
		String cookie = csrfCookie(first).getValue();
		EntityExchangeResult<String> second = get("/notfound/", cookie);
		assertThat(CsrfTokenFormat.unmask(first.getResponseBody()))
			.isEqualTo(CsrfTokenFormat.unmask(second.getResponseBody())).isEqualTo(cookie);
	}

	@Test
	@DisplayName("CSRF-48: rotation (login) sends a new cookie, different from the old, that then works")
	void rotationThenPost() {
		String rotated = csrfCookie(this.client.post().uri("/rotate/").cookie("csrftoken", this.secret)
			.header("X-CSRFToken", this.secret).exchange().expectBody(String.class).returnResult()).getValue();
		assertThat(rotated).isNotEqualTo(this.secret);
		assertAccepted(postHeader("/form/", rotated, this.format.mask(rotated)));
		assertRejected(postHeader("/form/", rotated, this.format.mask(this.secret)),
				"CSRF token from the 'X-Csrftoken' HTTP header incorrect.");
	}

	@Test
	@DisplayName("CSRF-49: the 403 page has Django's title, heading, message and, in debug, the reason")
	void failurePageDebug() {
		EntityExchangeResult<String> result = postHeader("/form/", this.secret, null);
		assertThat(result.getResponseHeaders().getContentType().toString()).isEqualTo("text/html;charset=UTF-8");
		assertThat(result.getResponseBody()).contains("<title>403 Forbidden</title>")
			.contains("<h1>Forbidden <span>(403)</span></h1>")
			.contains("CSRF verification failed. Request aborted.")
			.contains("Reason given for failure:")
			.contains("CSRF token missing.")
			.doesNotContain("More information is available with DEBUG=True.");
	}

	@Test
	@DisplayName("CSRF-49: without debug the reason is hidden and 'More information is available with DEBUG=True.' shown")
	void failurePageNoDebug() {
		use(CsrfTestApp.filter((cookies) -> {
		}, (filter) -> filter.setDebug(false)));
		EntityExchangeResult<String> result = postHeader("/form/", this.secret, "a".repeat(64));
		assertThat(result.getStatus().value()).isEqualTo(403);
		assertThat(result.getResponseBody()).contains("CSRF verification failed. Request aborted.")
			.contains("More information is available with DEBUG=True.")
			.doesNotContain("incorrect")
			.doesNotContain("Reason given for failure");
	}

	@Test
	@DisplayName("CSRF-49: the no-cookie reason adds Django's two cookie paragraphs")
	void failurePageNoCookie() {
		assertThat(postHeader("/form/", null, null).getResponseBody())
			.contains("You are seeing this message because this site requires a CSRF cookie when submitting forms.")
			.contains("please re-enable them, at least for this site, or for “same-origin” requests.")
			.doesNotContain("Referer header");
	}

	@Test
	@DisplayName("CSRF-49: the no-Referer reason adds Django's three Referer paragraphs, escaped")
	void failurePageNoReferer() {
		assertThat(securePost(null, null, null).getResponseBody())
			.contains("this HTTPS site requires a “Referer header” to be sent by your web browser")
			.contains("If you have configured your browser to disable “Referer” headers")
			.contains("&lt;meta name=&quot;referrer&quot; content=&quot;no-referrer&quot;&gt;")
			.doesNotContain("requires a CSRF cookie");
	}

	@Test
	@DisplayName("a request to a path that routes only with other methods is a view: checked, 403 before the 405")
	void pathRoutedForOtherMethodsIsChecked() {
		this.client.put().uri(CsrfTestApp.GET_ONLY).exchange().expectStatus().isForbidden();
		this.client.put()
			.uri(CsrfTestApp.GET_ONLY)
			.cookie("csrftoken", this.secret)
			.header("X-CSRFToken", this.secret)
			.exchange()
			// accepted: passed on to the handler (this test's answers 404; the 405 is the view position's)
			.expectStatus()
			.isNotFound();
	}

	@Test
	@DisplayName("CSRF-50: a POST to a path that resolves to no handler is 404, not 403")
	void unroutablePostIs404() {
		this.client.post().uri("/nowhere/").exchange().expectStatus().isNotFound();
	}

	@Test
	@DisplayName("CSRF-51: a valid Origin wins: good Origin + evil Referer over HTTPS is accepted")
	void originBeatsReferer() {
		assertAccepted(securePost(null, HTTPS, "https://www.evil.org/"));
	}

	@Test
	@DisplayName("CSRF-52: a wildcard trusted origin also accepts the apex, for Origin and Referer")
	void wildcardApex() {
		use(CsrfTestApp.filter((cookies) -> {
		}, (filter) -> filter.setTrustedOrigins(List.of("https://*.trusted.com"))));
		assertAccepted(securePost(null, "https://trusted.com", null));
		assertAccepted(securePost(null, null, "https://trusted.com/page"));
	}

	@Test
	@DisplayName("CSRF-53: a Referer on another port than the Host is the bad-referer 403")
	void refererPortMismatch() {
		assertRejected(securePost("www.example.com", null, "https://www.example.com:8443/x"),
				"Referer checking failed - https://www.example.com:8443/x does not match any trusted origins.");
	}

	@Test
	@DisplayName("CSRF-06: the log line escapes control and non-ASCII characters of the path and reason")
	void logLineEscaped(CapturedOutput output) {
		postHeader("/nowhere/", null, null);
		this.client.post().uri(HTTPS + "/form/").cookie("csrftoken", this.secret).header("Origin", "https://é\u0001")
			.exchange().expectStatus().isForbidden();
		assertThat(output).contains("Forbidden (Origin checking failed - https://\\xe9\\x01 does not match any "
				+ "trusted origins.): /form/");
	}

	@Test
	@DisplayName("CSRF-37: a duplicated cookie uses the last value, as Django's cookie parser does")
	void duplicatedCookie() {
		assertAccepted(this.client.post().uri("/form/").cookies((cookies) -> {
			cookies.add("csrftoken", "bad");
			cookies.add("csrftoken", this.secret);
		})
			.header("X-CSRFToken", this.secret).exchange().expectBody(String.class).returnResult());
	}

	@Test
	@DisplayName("CSRF-09: duplicated token headers are joined as WSGI does, so they do not match")
	void duplicatedHeader() {
		assertRejected(this.client.post().uri("/form/").cookie("csrftoken", this.secret)
			.header("X-CSRFToken", this.secret, this.secret).exchange().expectBody(String.class).returnResult(),
				"CSRF token from the 'X-Csrftoken' HTTP header has incorrect length.");
	}

	@Test
	@DisplayName("CSRF-04: non-ASCII cookie and token values get Django's answers, never a 500")
	void nonAsciiValues() {
		assertRejected(postHeader("/form/", this.secret, "é".repeat(64)),
				"CSRF token from the 'X-Csrftoken' HTTP header has invalid characters.");
		assertRejected(postForm("/form/", this.secret, "€".repeat(32)), "CSRF token from POST has invalid characters.");
	}

}
