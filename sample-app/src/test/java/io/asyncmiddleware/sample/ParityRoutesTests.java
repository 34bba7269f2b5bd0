package io.asyncmiddleware.sample;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.netty.http.client.HttpClient;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route of ROUTES.md against the running application, asserting what the parity
 * comparison looks at: status, {@code Location}, the security headers, {@code Vary},
 * {@code Content-Encoding}, {@code ETag} and each {@code Set-Cookie}'s name and
 * attributes, as Django 5.2 answers with the ROUTES.md settings (REFERENCE.md).
 * Subclasses choose the configuration (embedded, production).
 */
abstract class ParityRoutesTests {

	private static final Pattern TOKEN_FIELD = Pattern
		.compile("<input type=\"hidden\" name=\"csrfmiddlewaretoken\" value=\"([A-Za-z0-9]{64})\"");

	@LocalServerPort
	private int port;

	private WebTestClient client;

	@BeforeEach
	void bindClient() {
		this.client = client("http://localhost:" + this.port);
	}

	@Test
	void helloAnswersPlainTextWithTheSecurityHeadersAndNoCookie() {
		EntityExchangeResult<byte[]> result = get("/hello/");
		assertThat(result.getStatus().value()).isEqualTo(200);
		assertThat(body(result)).isEqualTo("hello");
		assertThat(result.getResponseHeaders().getContentType()).isNotNull()
			.satisfies((type) -> assertThat(type.isCompatibleWith(MediaType.TEXT_PLAIN)).isTrue());
		assertSecurityHeaders(result, "DENY");
		assertThat(result.getResponseHeaders().get("Strict-Transport-Security")).isNull();
		assertThat(result.getResponseHeaders().get(HttpHeaders.VARY)).isNull();
		assertThat(result.getResponseHeaders().get(HttpHeaders.SET_COOKIE)).isNull();
		assertThat(result.getResponseHeaders().get(HttpHeaders.CONTENT_ENCODING)).isNull();
		assertThat(result.getResponseHeaders().getETag()).isEqualTo(md5ETag("hello"));
	}

	@Test
	void secureRequestBehindTheProxyGetsHsts() {
		EntityExchangeResult<byte[]> result = this.client.get()
			.uri("/hello/")
			.header("X-Forwarded-Proto", "https")
			.exchange()
			.expectBody()
			.returnResult();
		assertThat(result.getStatus().value()).isEqualTo(200);
		assertThat(result.getResponseHeaders().getFirst("Strict-Transport-Security"))
			.isEqualTo("max-age=31536000; includeSubDomains");
		assertSecurityHeaders(result, "DENY");
	}

	@Test
	void missingSlashIsRedirectedWithoutXFrameOptions() {
		EntityExchangeResult<byte[]> result = this.client.get()
			.uri("/hello?x=1")
			.exchange()
			.expectBody()
			.returnResult();
		assertThat(result.getStatus().value()).isEqualTo(301);
		assertThat(result.getResponseHeaders().getFirst(HttpHeaders.LOCATION)).isEqualTo("/hello/?x=1");
		assertThat(result.getResponseHeaders().get("X-Frame-Options")).isNull();
		assertThat(result.getResponseHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
	}

	@Test
	void disallowedUserAgentIsForbidden() {
		EntityExchangeResult<byte[]> result = this.client.get()
			.uri("/hello/")
			.header(HttpHeaders.USER_AGENT, "Mozilla/5.0 (compatible; BadBot/2.1)")
			.exchange()
			.expectBody()
			.returnResult();
		assertThat(result.getStatus().value()).isEqualTo(403);
		assertThat(result.getResponseHeaders().get("X-Frame-Options")).isNull();
		assertThat(result.getResponseHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
	}

	@Test
	void hostOutsideAllowedHostsIsABadRequest() {
		EntityExchangeResult<byte[]> result = this.client.get()
			.uri("/hello/")
			.header(HttpHeaders.HOST, "evil.example")
			.exchange()
			.expectBody()
			.returnResult();
		assertThat(result.getStatus().value()).isEqualTo(400);
		assertThat(result.getResponseHeaders().get("X-Frame-Options")).isNull();
	}

	@Test
	void formPageHoldsTheTokenFieldAndSetsTheCsrfCookie() {
		EntityExchangeResult<byte[]> result = get("/form/");
		assertThat(result.getStatus().value()).isEqualTo(200);
		assertThat(body(result)).contains("<form method=\"post\" action=\"/form/\">");
		assertThat(tokenIn(result)).hasSize(64);
		SetCookie csrf = SetCookie.find(result.getResponseHeaders(), "csrftoken");
		assertThat(csrf).isNotNull();
		assertThat(csrf.value()).matches("[A-Za-z0-9]{32}");
		assertThat(csrf.get("Max-Age")).isEqualTo("31449600");
		assertThat(csrf.has("expires")).isTrue();
		assertThat(csrf.get("Path")).isEqualTo("/");
		assertThat(csrf.get("SameSite")).isEqualTo("Lax");
		assertThat(csrf.has("HttpOnly")).isFalse();
		assertThat(csrf.has("Secure")).isFalse();
		assertThat(SetCookie.all(result.getResponseHeaders())).extracting(SetCookie::name).containsExactly("csrftoken");
		assertThat(vary(result)).contains("Cookie");
		assertSecurityHeaders(result, "DENY");
		assertThat(result.getResponseHeaders().getETag()).isEqualTo(md5ETag(body(result)));
	}

	@Test
	void formPostWithTokenAndCookieIsAccepted() {
		EntityExchangeResult<byte[]> page = get("/form/");
		String cookie = "csrftoken=" + SetCookie.find(page.getResponseHeaders(), "csrftoken").value();
		EntityExchangeResult<byte[]> result = post("/form/", form("csrfmiddlewaretoken", tokenIn(page)), cookie);
		assertThat(result.getStatus().value()).isEqualTo(200);
		assertThat(body(result)).isEqualTo("ok");
		assertSecurityHeaders(result, "DENY");
	}

	@Test
	void formPostFromATrustedOriginIsAccepted() {
		EntityExchangeResult<byte[]> page = get("/form/");
		String cookie = "csrftoken=" + SetCookie.find(page.getResponseHeaders(), "csrftoken").value();
		EntityExchangeResult<byte[]> result = this.client.post()
			.uri("/form/")
			.header(HttpHeaders.COOKIE, cookie)
			.header(HttpHeaders.ORIGIN, "https://trusted.example")
			.body(BodyInserters.fromFormData(form("csrfmiddlewaretoken", tokenIn(page))))
			.exchange()
			.expectBody()
			.returnResult();
		assertThat(result.getStatus().value()).isEqualTo(200);
	}

	@Test
	void formPostFromAnUntrustedOriginIsForbidden() {
		EntityExchangeResult<byte[]> page = get("/form/");
		String cookie = "csrftoken=" + SetCookie.find(page.getResponseHeaders(), "csrftoken").value();
		EntityExchangeResult<byte[]> result = this.client.post()
			.uri("/form/")
			.header(HttpHeaders.COOKIE, cookie)
			.header(HttpHeaders.ORIGIN, "https://evil.example")
			.body(BodyInserters.fromFormData(form("csrfmiddlewaretoken", tokenIn(page))))
			.exchange()
			.expectBody()
			.returnResult();
		assertCsrfFailure(result);
	}

	@Test
	void formPostWithoutTokenGetsDjangosCsrfPage() {
		EntityExchangeResult<byte[]> page = get("/form/");
		String cookie = "csrftoken=" + SetCookie.find(page.getResponseHeaders(), "csrftoken").value();
		assertCsrfFailure(post("/form/", form("comment", "hi"), cookie));
	}

	@Test
	void formPostWithoutCookieGetsDjangosCsrfPage() {
		EntityExchangeResult<byte[]> page = get("/form/");
		assertCsrfFailure(post("/form/", form("csrfmiddlewaretoken", tokenIn(page))));
	}

	@Test
	void exemptApiAcceptsAPostWithoutToken() {
		EntityExchangeResult<byte[]> result = post("/api/exempt/", form("x", "1"));
		assertThat(result.getStatus().value()).isEqualTo(200);
		assertThat(body(result)).isEqualTo("ok");
		assertThat(result.getResponseHeaders().get(HttpHeaders.SET_COOKIE)).isNull();
	}

	@Test
	void frameExemptHasNoXFrameOptions() {
		EntityExchangeResult<byte[]> result = get("/frame/exempt/");
		assertThat(result.getStatus().value()).isEqualTo(200);
		assertThat(result.getResponseHeaders().get("X-Frame-Options")).isNull();
		assertThat(result.getResponseHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
	}

	@Test
	void frameSameOriginSaysSameOrigin() {
		EntityExchangeResult<byte[]> result = get("/frame/sameorigin/");
		assertThat(result.getStatus().value()).isEqualTo(200);
		assertSecurityHeaders(result, "SAMEORIGIN");
	}

	@Test
	void sessionCountsAndResendsTheSameKey() {
		EntityExchangeResult<byte[]> first = get("/session/");
		assertThat(body(first)).isEqualTo("1");
		SetCookie created = SetCookie.find(first.getResponseHeaders(), "sessionid");
		assertSessionCookie(created);
		assertThat(vary(first)).containsExactly("Cookie");
		EntityExchangeResult<byte[]> second = get("/session/", "sessionid=" + created.value());
		assertThat(body(second)).isEqualTo("2");
		SetCookie resent = SetCookie.find(second.getResponseHeaders(), "sessionid");
		assertSessionCookie(resent);
		assertThat(resent.value()).isEqualTo(created.value());
		assertThat(vary(second)).containsExactly("Cookie");
	}

	@Test
	void flushDeletesTheSessionCookie() {
		String key = SetCookie.find(get("/session/").getResponseHeaders(), "sessionid").value();
		EntityExchangeResult<byte[]> result = get("/session/flush/", "sessionid=" + key);
		assertThat(result.getStatus().value()).isEqualTo(200);
		assertThat(body(result)).isEqualTo("flushed");
		assertDeletion(SetCookie.find(result.getResponseHeaders(), "sessionid"));
		assertThat(vary(result)).containsExactly("Cookie");
		assertThat(body(get("/session/", "sessionid=" + key))).isEqualTo("1");
	}

	@Test
	void flushWithoutSessionOnlyVaries() {
		EntityExchangeResult<byte[]> result = get("/session/flush/");
		assertThat(body(result)).isEqualTo("flushed");
		assertThat(result.getResponseHeaders().get(HttpHeaders.SET_COOKIE)).isNull();
		assertThat(vary(result)).containsExactly("Cookie");
	}

	@Test
	void whoamiIsAnonymousWithoutLogin() {
		EntityExchangeResult<byte[]> result = get("/whoami/");
		assertThat(body(result)).isEqualTo("anonymous");
		assertThat(vary(result)).containsExactly("Cookie");
		assertThat(result.getResponseHeaders().get(HttpHeaders.SET_COOKIE)).isNull();
	}

	@Test
	void loginWithTheRightPasswordCyclesTheSessionAndRotatesTheCsrfToken() {
		EntityExchangeResult<byte[]> page = get("/form/");
		String csrf = SetCookie.find(page.getResponseHeaders(), "csrftoken").value();
		String anonymousKey = SetCookie.find(get("/session/").getResponseHeaders(), "sessionid").value();
		EntityExchangeResult<byte[]> result = post("/login/",
				form("username", "alice", "password", "wonderland", "csrfmiddlewaretoken", tokenIn(page)),
				"csrftoken=" + csrf + "; sessionid=" + anonymousKey);
		assertThat(result.getStatus().value()).isEqualTo(302);
		assertThat(result.getResponseHeaders().getFirst(HttpHeaders.LOCATION)).isEqualTo("/whoami/");
		SetCookie session = SetCookie.find(result.getResponseHeaders(), "sessionid");
		assertSessionCookie(session);
		assertThat(session.value()).isNotEqualTo(anonymousKey);
		SetCookie rotated = SetCookie.find(result.getResponseHeaders(), "csrftoken");
		assertThat(rotated).isNotNull();
		assertThat(rotated.value()).matches("[A-Za-z0-9]{32}").isNotEqualTo(csrf);
		assertThat(rotated.get("Max-Age")).isEqualTo("31449600");
		assertThat(vary(result)).contains("Cookie");
		assertSecurityHeaders(result, "DENY");
		EntityExchangeResult<byte[]> whoami = get("/whoami/", "sessionid=" + session.value());
		assertThat(body(whoami)).isEqualTo("alice");
		assertThat(body(get("/session/", "sessionid=" + session.value()))).isEqualTo("2");
		EntityExchangeResult<byte[]> oldKey = get("/whoami/", "sessionid=" + anonymousKey);
		assertThat(body(oldKey)).isEqualTo("anonymous");
		assertDeletion(SetCookie.find(oldKey.getResponseHeaders(), "sessionid"));
	}

	@Test
	void loginWithTheWrongPasswordIsUnauthorized() {
		EntityExchangeResult<byte[]> page = get("/form/");
		String csrf = SetCookie.find(page.getResponseHeaders(), "csrftoken").value();
		EntityExchangeResult<byte[]> result = post("/login/",
				form("username", "alice", "password", "looking-glass", "csrfmiddlewaretoken", tokenIn(page)),
				"csrftoken=" + csrf);
		assertThat(result.getStatus().value()).isEqualTo(401);
		assertThat(body(result)).isEqualTo("invalid credentials");
		assertThat(SetCookie.find(result.getResponseHeaders(), "sessionid")).isNull();
	}

	@Test
	void loginWithoutCsrfTokenIsForbidden() {
		assertCsrfFailure(post("/login/", form("username", "alice", "password", "wonderland")));
	}

	@Test
	void logoutFlushesTheSession() {
		String[] login = login();
		EntityExchangeResult<byte[]> page = get("/form/", login[1]);
		EntityExchangeResult<byte[]> result = post("/logout/", form("csrfmiddlewaretoken", tokenIn(page)), login[1]);
		assertThat(result.getStatus().value()).isEqualTo(302);
		assertThat(result.getResponseHeaders().getFirst(HttpHeaders.LOCATION)).isEqualTo("/whoami/");
		assertDeletion(SetCookie.find(result.getResponseHeaders(), "sessionid"));
		assertThat(body(get("/whoami/", "sessionid=" + login[0]))).isEqualTo("anonymous");
	}

	@Test
	void privatePageRedirectsAnonymousUsersToTheLoginUrl() {
		EntityExchangeResult<byte[]> result = get("/private/");
		assertThat(result.getStatus().value()).isEqualTo(302);
		assertThat(result.getResponseHeaders().getFirst(HttpHeaders.LOCATION))
			.isEqualTo("/accounts/login/?next=/private/");
		assertThat(vary(result)).containsExactly("Cookie");
		// @login_required is a view decorator in Django: its redirect passes XFrameOptionsMiddleware
		assertThat(result.getResponseHeaders().getFirst("X-Frame-Options")).as("X-Frame-Options of the login redirect")
			.isEqualTo("DENY");
		assertSecurityHeaders(result, "DENY");
	}

	@Test
	void privatePageShowsTheSecretToAliceOnly() {
		String[] login = login();
		EntityExchangeResult<byte[]> result = get("/private/", login[1]);
		assertThat(result.getStatus().value()).isEqualTo(200);
		assertThat(body(result)).isEqualTo("secret");
	}

	@Test
	void messageIsShownOnce() {
		EntityExchangeResult<byte[]> added = get("/messages/add/?text=Saved");
		assertThat(added.getStatus().value()).isEqualTo(302);
		assertThat(added.getResponseHeaders().getFirst(HttpHeaders.LOCATION)).isEqualTo("/messages/show/");
		SetCookie messages = SetCookie.find(added.getResponseHeaders(), "messages");
		assertThat(messages).isNotNull();
		assertThat(messages.has("HttpOnly")).isTrue();
		assertThat(messages.get("Path")).isEqualTo("/");
		assertThat(messages.get("SameSite")).isEqualTo("Lax");
		assertThat(messages.has("Max-Age")).isFalse();
		assertThat(messages.has("expires")).isFalse();
		assertThat(added.getResponseHeaders().get(HttpHeaders.VARY)).isNull();
		EntityExchangeResult<byte[]> shown = get("/messages/show/", "messages=" + messages.value());
		assertThat(shown.getStatus().value()).isEqualTo(200);
		assertThat(body(shown)).isEqualTo("Saved");
		assertDeletion(SetCookie.find(shown.getResponseHeaders(), "messages"));
		assertThat(shown.getResponseHeaders().get(HttpHeaders.VARY)).isNull();
		EntityExchangeResult<byte[]> again = get("/messages/show/");
		assertThat(body(again)).isEmpty();
		assertThat(again.getResponseHeaders().get(HttpHeaders.SET_COOKIE)).isNull();
	}

	@Test
	void bigIsCompressedWhenAsked() throws IOException {
		EntityExchangeResult<byte[]> result = this.client.get()
			.uri("/big/")
			.header(HttpHeaders.ACCEPT_ENCODING, "gzip")
			.exchange()
			.expectBody()
			.returnResult();
		assertThat(result.getStatus().value()).isEqualTo(200);
		assertThat(result.getResponseHeaders().getFirst(HttpHeaders.CONTENT_ENCODING)).isEqualTo("gzip");
		assertThat(vary(result)).containsExactly("Accept-Encoding");
		byte[] plain = new GZIPInputStream(new ByteArrayInputStream(result.getResponseBody())).readAllBytes();
		String big = "abcdefghij".repeat(2_000);
		assertThat(new String(plain, StandardCharsets.UTF_8)).isEqualTo(big);
		assertThat(result.getResponseHeaders().getETag()).isEqualTo("W/" + md5ETag(big));
		assertSecurityHeaders(result, "DENY");
	}

	@Test
	void bigIsPlainButVariesWhenNotAsked() {
		EntityExchangeResult<byte[]> result = get("/big/");
		assertThat(result.getStatus().value()).isEqualTo(200);
		assertThat(result.getResponseBody()).hasSize(20_000);
		assertThat(result.getResponseHeaders().get(HttpHeaders.CONTENT_ENCODING)).isNull();
		assertThat(vary(result)).containsExactly("Accept-Encoding");
		assertThat(result.getResponseHeaders().getETag()).isEqualTo(md5ETag("abcdefghij".repeat(2_000)));
	}

	@Test
	void etagIsComputedFromTheBodyAndAnswers304() {
		EntityExchangeResult<byte[]> result = get("/etag/");
		assertThat(result.getStatus().value()).isEqualTo(200);
		assertThat(body(result)).isEqualTo("stable content");
		String etag = md5ETag("stable content");
		assertThat(result.getResponseHeaders().getETag()).isEqualTo(etag);
		EntityExchangeResult<byte[]> notModified = this.client.get()
			.uri("/etag/")
			.header(HttpHeaders.IF_NONE_MATCH, etag)
			.exchange()
			.expectBody()
			.returnResult();
		assertThat(notModified.getStatus().value()).isEqualTo(304);
		assertThat(notModified.getResponseHeaders().getETag()).isEqualTo(etag);
		assertThat(notModified.getResponseBody()).isNullOrEmpty();
	}

	@Test
	void methodsAnswersGetOnly() {
		EntityExchangeResult<byte[]> result = get("/methods/");
		assertThat(result.getStatus().value()).isEqualTo(200);
		assertThat(body(result)).isEqualTo("get only");
		for (HttpMethod method : List.of(HttpMethod.HEAD, HttpMethod.OPTIONS)) {
			EntityExchangeResult<byte[]> refused = this.client.method(method)
				.uri("/methods/")
				.exchange()
				.expectBody()
				.returnResult();
			assertThat(refused.getStatus().value()).as(method.name()).isEqualTo(405);
			assertThat(refused.getResponseHeaders().getFirst(HttpHeaders.ALLOW)).isEqualTo("GET");
		}
	}

	@Test
	void methodsPostPassesCsrfThenGets405() {
		EntityExchangeResult<byte[]> page = get("/form/");
		String cookie = "csrftoken=" + SetCookie.find(page.getResponseHeaders(), "csrftoken").value();
		EntityExchangeResult<byte[]> withToken = post("/methods/", form("csrfmiddlewaretoken", tokenIn(page)), cookie);
		assertThat(withToken.getStatus().value()).isEqualTo(405);
		assertThat(withToken.getResponseHeaders().getFirst(HttpHeaders.ALLOW)).isEqualTo("GET");
		// Django runs CsrfViewMiddleware.process_view before the view's decorator
		assertCsrfFailure(post("/methods/", form("x", "1"), cookie));
	}

	@Test
	void slowAnswersAfterWaitingWithoutAThread() {
		EntityExchangeResult<byte[]> result = get("/slow/");
		assertThat(result.getStatus().value()).isEqualTo(200);
		assertThat(body(result)).isEqualTo("slow");
		assertSecurityHeaders(result, "DENY");
	}

	/**
	 * Logs alice in.
	 * @return her session key and a Cookie header with the session and CSRF cookies
	 */
	protected String[] login() {
		EntityExchangeResult<byte[]> page = get("/form/");
		String csrf = SetCookie.find(page.getResponseHeaders(), "csrftoken").value();
		EntityExchangeResult<byte[]> result = post("/login/",
				form("username", "alice", "password", "wonderland", "csrfmiddlewaretoken", tokenIn(page)),
				"csrftoken=" + csrf);
		assertThat(result.getStatus().value()).isEqualTo(302);
		String key = SetCookie.find(result.getResponseHeaders(), "sessionid").value();
		String rotated = SetCookie.find(result.getResponseHeaders(), "csrftoken").value();
		return new String[] { key, "sessionid=" + key + "; csrftoken=" + rotated };
	}

	protected EntityExchangeResult<byte[]> get(String path, String... cookies) {
		return this.client.get()
			.uri(path)
			.headers((headers) -> Arrays.stream(cookies).forEach((cookie) -> headers.add(HttpHeaders.COOKIE, cookie)))
			.exchange()
			.expectBody()
			.returnResult();
	}

	protected EntityExchangeResult<byte[]> post(String path, MultiValueMap<String, String> form, String... cookies) {
		return this.client.post()
			.uri(path)
			.headers((headers) -> Arrays.stream(cookies).forEach((cookie) -> headers.add(HttpHeaders.COOKIE, cookie)))
			.body(BodyInserters.fromFormData(form))
			.exchange()
			.expectBody()
			.returnResult();
	}

	/**
	 * A client that sends only the headers a test gives it: Spring's default connector
	 * asks for gzip and decompresses, which would hide what the gzip entry does.
	 */
	static WebTestClient client(String baseUrl) {
		return WebTestClient.bindToServer(new ReactorClientHttpConnector(HttpClient.create().compress(false)))
			.baseUrl(baseUrl)
			.build();
	}

	static MultiValueMap<String, String> form(String... namesAndValues) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			form.add(namesAndValues[i], namesAndValues[i + 1]);
		}
		return form;
	}

	static String body(EntityExchangeResult<byte[]> result) {
		byte[] body = result.getResponseBody();
		return (body != null) ? new String(body, StandardCharsets.UTF_8) : "";
	}

	static String tokenIn(EntityExchangeResult<byte[]> page) {
		Matcher matcher = TOKEN_FIELD.matcher(body(page));
		assertThat(matcher.find()).as("csrfmiddlewaretoken field in %s", body(page)).isTrue();
		return matcher.group(1);
	}

	static List<String> vary(EntityExchangeResult<byte[]> result) {
		return result.getResponseHeaders()
			.getOrEmpty(HttpHeaders.VARY)
			.stream()
			.flatMap((value) -> Arrays.stream(value.split(",")))
			.map(String::trim)
			.toList();
	}

	static void assertSecurityHeaders(EntityExchangeResult<byte[]> result, String xFrameOptions) {
		HttpHeaders headers = result.getResponseHeaders();
		assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(headers.getFirst("Referrer-Policy")).isEqualTo("same-origin");
		assertThat(headers.getFirst("Cross-Origin-Opener-Policy")).isEqualTo("same-origin");
		assertThat(headers.getFirst("X-Frame-Options")).isEqualTo(xFrameOptions);
	}

	static void assertSessionCookie(SetCookie cookie) {
		assertThat(cookie).isNotNull();
		assertThat(cookie.value()).isNotBlank();
		assertThat(cookie.attributes().keySet()).containsExactly("expires", "httponly", "max-age", "path", "samesite");
		assertThat(cookie.get("Max-Age")).isEqualTo("1209600");
		assertThat(cookie.get("Path")).isEqualTo("/");
		assertThat(cookie.get("SameSite")).isEqualTo("Lax");
	}

	static void assertDeletion(SetCookie cookie) {
		assertThat(cookie).isNotNull();
		assertThat(cookie.isDeletion()).as(cookie.toString()).isTrue();
		// Django's delete_cookie: expires=Thu, 01 Jan 1970 00:00:00 GMT, whatever the clock
		assertThat(cookie.get("expires")).as("expires of " + cookie).isEqualToIgnoringCase("Thu, 01 Jan 1970 00:00:00 GMT");
		assertThat(cookie.get("Path")).isEqualTo("/");
		assertThat(cookie.get("SameSite")).isEqualTo("Lax");
	}

	static void assertCsrfFailure(EntityExchangeResult<byte[]> result) {
		assertThat(result.getStatus().value()).isEqualTo(403);
		assertThat(body(result)).contains("<title>403 Forbidden</title>", "<h1>Forbidden <span>(403)</span></h1>",
				"CSRF verification failed. Request aborted.");
		// Django rejects in process_view, inside every middleware: XFrameOptionsMiddleware
		// still decorates the 403 on its way out
		assertThat(result.getResponseHeaders().getFirst("X-Frame-Options")).as("X-Frame-Options of the CSRF 403")
			.isEqualTo("DENY");
		assertSecurityHeaders(result, "DENY");
	}

	static String md5ETag(String body) {
		try {
			byte[] digest = MessageDigest.getInstance("MD5").digest(body.getBytes(StandardCharsets.UTF_8));
			return "\"" + HexFormat.of().formatHex(digest) + "\"";
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
