package io.asyncmiddleware.middleware.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.asyncmiddleware.middleware.CookieSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.core.publisher.Mono;

import org.springframework.boot.web.server.Cookie.SameSite;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.session.Session;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Django's SessionMiddleware behaviour (checklist SES-*) of {@link SessionWebFilter},
 * over HTTP.
 */
class SessionWebFilterTests {

	private static final String DELETION = "sessionid=\"\"; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/; SameSite=Lax";

	private final Map<String, Session> sessions = TestServer.sessions();

	private TestServer server;

	@AfterEach
	void stop() {
		if (this.server != null) {
			this.server.close();
		}
	}

	static RouterFunction<ServerResponse> routes() {
		return RouterFunctions.route()
			.GET("/untouched/", (request) -> ok("untouched"))
			.GET("/read/", (request) -> withSession(request, (session) -> {
				Object n = session.getAttribute("n");
				return ok((n != null) ? n.toString() : "none");
			}))
			.GET("/session/", (request) -> withSession(request, (session) -> {
				Integer n = session.getAttributeOrDefault("n", 0) + 1;
				session.getAttributes().put("n", n);
				return ok(n.toString());
			}))
			.GET("/flush/", (request) -> request.session().flatMap(WebSession::invalidate).then(ok("flushed")))
			.GET("/flush-and-set/", (request) -> request.session()
				.flatMap((session) -> session.invalidate().then(Mono.fromRunnable(() -> session.getAttributes().put("n", 7))))
				.then(ok("flushed")))
			.GET("/clear/", (request) -> withSession(request, (session) -> {
				session.getAttributes().clear();
				return ok("cleared");
			}))
			.GET("/cycle/", (request) -> request.session()
				.flatMap((session) -> session.changeSessionId().then(Mono.defer(() -> ok(session.getId())))))
			.GET("/expiry/{value}", (request) -> withSession(request, (session) -> {
				String value = request.pathVariable("value");
				((TrackedWebSession) session).setExpiry(value.equals("none") ? null : Duration.ofSeconds(Long.parseLong(value)));
				session.getAttributes().put("v", "x");
				return ok("set");
			}))
			.GET("/fail/{status}", (request) -> withSession(request, (session) -> {
				session.getAttributes().put("v", "x");
				return ServerResponse.status(Integer.parseInt(request.pathVariable("status"))).bodyValue("failed");
			}))
			.GET("/throw/", (request) -> withSession(request, (session) -> {
				session.getAttributes().put("v", "x");
				return Mono.error(new ResponseStatusException(HttpStatus.INTERNAL_SERVER_ERROR, "view failed"));
			}))
			.GET("/read-fail/", (request) -> withSession(request, (session) -> {
				session.getAttribute("n");
				return ServerResponse.status(500).bodyValue("failed");
			}))
			.GET("/vary/", (request) -> withSession(request, (session) -> {
				session.getAttributes().put("v", "x");
				return ServerResponse.ok().header(HttpHeaders.VARY, "Accept-Encoding").bodyValue("vary");
			}))
			.build();
	}

	private static Mono<ServerResponse> withSession(ServerRequest request,
			Function<WebSession, Mono<ServerResponse>> handler) {
		return request.session().flatMap(handler);
	}

	private static Mono<ServerResponse> ok(String body) {
		return ServerResponse.ok().bodyValue(body);
	}

	private TestServer start(SessionCookie cookie, SessionSettings settings) {
		this.server = TestServer.start(routes(),
				List.of(TestServer.sessionFilter(TestServer.repository(this.sessions), cookie, settings)));
		return this.server;
	}

	private TestServer start() {
		return start(TestServer.defaultCookie(), SessionSettings.defaults());
	}

	private EntityExchangeResult<String> get(String path, String... cookieHeader) {
		return this.server.client()
			.get()
			.uri(path)
			.headers((headers) -> {
				for (String value : cookieHeader) {
					headers.add(HttpHeaders.COOKIE, value);
				}
			})
			.exchange()
			.expectBody(String.class)
			.returnResult();
	}

	private String newSessionKey() {
		String key = TestServer.sessionKey(get("/session/").getResponseHeaders());
		assertThat(key).isNotNull();
		return key;
	}

	private static List<String> setCookies(EntityExchangeResult<?> result) {
		return result.getResponseHeaders().getOrEmpty(HttpHeaders.SET_COOKIE);
	}

	private static List<String> vary(EntityExchangeResult<?> result) {
		return result.getResponseHeaders().getOrEmpty(HttpHeaders.VARY);
	}

	@Test
	@DisplayName("SES-obs: a new session written gets Django's cookie (expires, HttpOnly, Max-Age=1209600, Path=/, SameSite=Lax) and Vary: Cookie, and is stored")
	void newSessionGetsDjangoCookie() {
		start();
		EntityExchangeResult<String> result = get("/session/");
		assertThat(result.getResponseBody()).isEqualTo("1");
		String key = TestServer.sessionKey(result.getResponseHeaders());
		assertThat(setCookies(result)).singleElement()
			.asString()
			.matches("sessionid=" + key + "; expires=\\w{3}, \\d{2} \\w{3} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT; HttpOnly; Max-Age=1209600; Path=/; SameSite=Lax");
		assertThat(vary(result)).containsExactly("Cookie");
		assertThat(this.sessions).containsOnlyKeys(key);
		assertThat(this.sessions.get(key).getMaxInactiveInterval()).isEqualTo(Duration.ofSeconds(1209600));
	}

	@Test
	@DisplayName("SES-obs: expires is now plus the cookie age, as an HTTP date")
	void expiresIsNowPlusAge() {
		Instant now = Instant.parse("2026-11-23T18:26:14Z");
		SessionCookie cookie = new SessionCookie(new CookieSettings("sessionid", null, "/", false, true, SameSite.LAX),
				Clock.fixed(now, ZoneOffset.UTC));
		start(cookie, SessionSettings.defaults());
		EntityExchangeResult<String> result = get("/session/");
		assertThat(setCookies(result).get(0)).contains("; expires=Mon, 07 Dec 2026 18:26:14 GMT;");
	}

	@Test
	@DisplayName("SES-obs: the session persists across requests (the parity /session/ counter)")
	void sessionPersists() {
		start();
		String key = newSessionKey();
		assertThat(get("/session/", "sessionid=" + key).getResponseBody()).isEqualTo("2");
		assertThat(get("/read/", "sessionid=" + key).getResponseBody()).isEqualTo("2");
	}

	@Test
	@DisplayName("SES-obs: a view that never touches the session gets no cookie and no Vary")
	void untouchedSessionIsInvisible() {
		start();
		EntityExchangeResult<String> result = get("/untouched/");
		assertThat(setCookies(result)).isEmpty();
		assertThat(vary(result)).isEmpty();
		assertThat(this.sessions).isEmpty();
	}

	@Test
	@DisplayName("SES-obs: reading a session that was never written sets no cookie but varies on Cookie")
	void readingNothingSetsNoCookie() {
		start();
		EntityExchangeResult<String> result = get("/read/");
		assertThat(result.getResponseBody()).isEqualTo("none");
		assertThat(setCookies(result)).isEmpty();
		assertThat(vary(result)).containsExactly("Cookie");
		assertThat(this.sessions).isEmpty();
	}

	@Test
	@DisplayName("SES-obs: read-only access with a valid cookie gives Vary: Cookie and no Set-Cookie")
	void readOnlyAccess() {
		start();
		String key = newSessionKey();
		EntityExchangeResult<String> result = get("/read/", "sessionid=" + key);
		assertThat(result.getResponseBody()).isEqualTo("1");
		assertThat(setCookies(result)).isEmpty();
		assertThat(vary(result)).containsExactly("Cookie");
	}

	@Test
	@DisplayName("SES-obs: modified again, the same key is re-sent with a fresh expiry")
	void modifiedAgainResendsSameKey() {
		start();
		String key = newSessionKey();
		EntityExchangeResult<String> result = get("/session/", "sessionid=" + key);
		assertThat(TestServer.sessionKey(result.getResponseHeaders())).isEqualTo(key);
		assertThat(setCookies(result).get(0)).contains("Max-Age=1209600");
	}

	@Test
	@DisplayName("SES-01: cookie-secure adds Secure, with Vary: Cookie")
	void secureCookie() {
		start(new SessionCookie(new CookieSettings("sessionid", null, "/", true, true, SameSite.LAX),
				Clock.systemUTC()),
				SessionSettings.defaults());
		EntityExchangeResult<String> result = get("/session/");
		assertThat(setCookies(result).get(0)).endsWith("; HttpOnly; Max-Age=1209600; Path=/; SameSite=Lax; Secure");
		assertThat(vary(result)).containsExactly("Cookie");
	}

	@Test
	@DisplayName("SES-02: the cookie is HttpOnly by default")
	void httpOnlyByDefault() {
		start();
		assertThat(setCookies(get("/session/")).get(0)).contains("; HttpOnly;");
	}

	@Test
	@DisplayName("SES-02: cookie-http-only=false leaves HttpOnly out")
	void httpOnlyOff() {
		start(new SessionCookie(new CookieSettings("sessionid", null, "/", false, false, SameSite.LAX),
				Clock.systemUTC()),
				SessionSettings.defaults());
		assertThat(setCookies(get("/session/")).get(0)).doesNotContain("HttpOnly").contains("; Max-Age=1209600; Path=/; SameSite=Lax");
	}

	@Test
	@DisplayName("SES-03: cookie-same-site=strict gives SameSite=Strict")
	void sameSiteStrict() {
		start(new SessionCookie(new CookieSettings("sessionid", null, "/", false, true, SameSite.STRICT),
				Clock.systemUTC()),
				SessionSettings.defaults());
		assertThat(setCookies(get("/session/")).get(0)).endsWith("; Path=/; SameSite=Strict");
	}

	@Test
	@DisplayName("SES-03: cookie-same-site=omitted writes no SameSite attribute")
	void sameSiteOmitted() {
		start(new SessionCookie(new CookieSettings("sessionid", null, "/", false, true, SameSite.OMITTED),
				Clock.systemUTC()),
				SessionSettings.defaults());
		assertThat(setCookies(get("/session/")).get(0)).endsWith("; Max-Age=1209600; Path=/").doesNotContain("SameSite");
	}

	@Test
	@DisplayName("SES-obs: SameSite=None with Secure on the cookie, and the deletion carries Secure too")
	void sameSiteNoneDeletionIsSecure() {
		start(new SessionCookie(new CookieSettings("sessionid", null, "/", true, true, SameSite.NONE),
				Clock.systemUTC()),
				SessionSettings.defaults());
		String key = TestServer.sessionKey(get("/session/").getResponseHeaders());
		assertThat(setCookies(get("/flush/", "sessionid=" + key))).containsExactly(
				"sessionid=\"\"; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/; SameSite=None; Secure");
	}

	@ParameterizedTest(name = "status {0}")
	@CsvSource({ "500", "503" })
	@DisplayName("SES-04: a view that sets a value but answers 5xx: not saved, no Set-Cookie")
	void serverErrorSkipsSave(int status) {
		start();
		EntityExchangeResult<String> result = get("/fail/" + status);
		assertThat(result.getStatus().value()).isEqualTo(status);
		assertThat(setCookies(result)).isEmpty();
		assertThat(this.sessions).isEmpty();
	}

	@Test
	@DisplayName("SES-04: a 4xx still saves the session")
	void clientErrorSaves() {
		start();
		EntityExchangeResult<String> result = get("/fail/404");
		assertThat(TestServer.sessionKey(result.getResponseHeaders())).isNotNull();
		assertThat(this.sessions).hasSize(1);
	}

	@Test
	@DisplayName("SES-06: flush with an incoming cookie deletes it in Django's form, with Vary: Cookie, and removes the stored session")
	void flushDeletesCookie() {
		start();
		String key = newSessionKey();
		EntityExchangeResult<String> result = get("/flush/", "sessionid=" + key);
		assertThat(setCookies(result)).containsExactly(DELETION);
		assertThat(vary(result)).containsExactly("Cookie");
		assertThat(this.sessions).isEmpty();
		assertThat(get("/read/", "sessionid=" + key).getResponseBody()).isEqualTo("none");
	}

	@Test
	@DisplayName("SES-07: the deletion carries the configured domain and path")
	void flushWithDomainAndPath() {
		start(new SessionCookie(new CookieSettings("sessionid", ".example.local", "/", false, true, SameSite.LAX),
				Clock.systemUTC()),
				SessionSettings.defaults());
		String key = newSessionKey();
		this.server.close();
		start(new SessionCookie(new CookieSettings("sessionid", ".example.local", "/example/", false, true, SameSite.LAX),
				Clock.systemUTC()), SessionSettings.defaults());
		assertThat(setCookies(get("/flush/", "sessionid=" + key))).containsExactly(
				"sessionid=\"\"; Domain=.example.local; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/example/; SameSite=Lax");
	}

	@Test
	@DisplayName("SES-08: flush with no incoming cookie sets no cookie at all but varies on Cookie")
	void flushWithoutCookie() {
		start();
		EntityExchangeResult<String> result = get("/flush/");
		assertThat(setCookies(result)).isEmpty();
		assertThat(vary(result)).containsExactly("Cookie");
	}

	@Test
	@DisplayName("SES-06: data written after a flush is saved under a new key")
	void writeAfterFlushGetsNewKey() {
		start();
		String key = newSessionKey();
		EntityExchangeResult<String> result = get("/flush-and-set/", "sessionid=" + key);
		String newKey = TestServer.sessionKey(result.getResponseHeaders());
		assertThat(newKey).isNotNull().isNotEqualTo(key).isNotEmpty();
		assertThat(this.sessions).containsOnlyKeys(newKey);
	}

	@Test
	@DisplayName("SES-09: save-every-request re-sends the cookie of an untouched non-empty session")
	void saveEveryRequest() {
		start(TestServer.defaultCookie(), new SessionSettings(Duration.ofSeconds(1209600), true, false));
		String key = newSessionKey();
		EntityExchangeResult<String> result = get("/untouched/", "sessionid=" + key);
		assertThat(TestServer.sessionKey(result.getResponseHeaders())).isEqualTo(key);
		assertThat(vary(result)).containsExactly("Cookie");
	}

	@Test
	@DisplayName("SES-09: without save-every-request an untouched session is not re-sent")
	void noSaveEveryRequest() {
		start();
		String key = newSessionKey();
		EntityExchangeResult<String> result = get("/untouched/", "sessionid=" + key);
		assertThat(setCookies(result)).isEmpty();
		assertThat(vary(result)).isEmpty();
	}

	@Test
	@DisplayName("SES-10: a session emptied of data (not flushed) is still saved; the same key is re-sent")
	void clearedSessionIsSaved() {
		start();
		String key = newSessionKey();
		EntityExchangeResult<String> result = get("/clear/", "sessionid=" + key);
		assertThat(TestServer.sessionKey(result.getResponseHeaders())).isEqualTo(key);
		assertThat(this.sessions).containsOnlyKeys(key);
		assertThat(this.sessions.get(key).getAttributeNames()).isEmpty();
	}

	@Test
	@DisplayName("SES-11: a key under 8 characters is deleted even when the view ignores the session")
	void shortKeyIsDeleted() {
		start();
		EntityExchangeResult<String> result = get("/untouched/", "sessionid=abc");
		assertThat(result.getStatus().value()).isEqualTo(200);
		assertThat(setCookies(result)).containsExactly(DELETION);
		assertThat(vary(result)).containsExactly("Cookie");
	}

	@Test
	@DisplayName("SES-11: a key under 8 characters on a view that reads the session: one deletion, no session stored")
	void shortKeyReadIsDeletedOnce() {
		start();
		EntityExchangeResult<String> result = get("/read/", "sessionid=abc");
		assertThat(result.getResponseBody()).isEqualTo("none");
		assertThat(setCookies(result)).containsExactly(DELETION);
		assertThat(vary(result)).containsExactly("Cookie");
		assertThat(this.sessions).isEmpty();
	}

	@Test
	@DisplayName("SES-11: a key under 8 characters on a view that writes: a new session under a new key, no deletion")
	void shortKeyWriteGetsNewKey() {
		start();
		EntityExchangeResult<String> result = get("/session/", "sessionid=abc");
		assertThat(setCookies(result)).singleElement().asString().doesNotStartWith("sessionid=\"\"");
		assertThat(TestServer.sessionKey(result.getResponseHeaders())).isNotEqualTo("abc").hasSizeGreaterThan(8);
	}

	@Test
	@DisplayName("SES-12: cycling the key keeps the data under a new key; the old key no longer exists")
	void cycleKey() {
		start();
		String key = newSessionKey();
		EntityExchangeResult<String> result = get("/cycle/", "sessionid=" + key);
		String newKey = TestServer.sessionKey(result.getResponseHeaders());
		assertThat(newKey).isNotNull().isNotEqualTo(key).isEqualTo(result.getResponseBody());
		assertThat(this.sessions).containsOnlyKeys(newKey);
		assertThat(get("/read/", "sessionid=" + newKey).getResponseBody()).isEqualTo("1");
		EntityExchangeResult<String> old = get("/read/", "sessionid=" + key);
		assertThat(old.getResponseBody()).isEqualTo("none");
		assertThat(setCookies(old)).containsExactly(DELETION);
	}

	@ParameterizedTest(name = "expire-at-browser-close={0}, set_expiry({1}) -> {2}")
	@CsvSource({ "false, 10, Max-Age=10", "false, 0, browser", "false, none, Max-Age=1209600", "true, 10, Max-Age=10",
			"true, 0, browser", "true, none, browser" })
	@DisplayName("SES-13: expire-at-browser-close and the session's own expiry decide the cookie's lifetime")
	void expireAtBrowserCloseMatrix(boolean expireAtBrowserClose, String expiry, String expected) {
		start(TestServer.defaultCookie(), new SessionSettings(Duration.ofSeconds(1209600), false, expireAtBrowserClose));
		String setCookie = setCookies(get("/expiry/" + expiry)).get(0);
		if (expected.equals("browser")) {
			assertThat(setCookie).matches("sessionid=[^;]+; HttpOnly; Path=/; SameSite=Lax");
		}
		else {
			assertThat(setCookie).contains("; " + expected + ";").contains("expires=");
		}
	}

	@Test
	@DisplayName("SES-13: the store keeps a session for its own expiry, or the cookie age when it ends with the browser")
	void storeLifetimeFollowsExpiry() {
		start();
		String tenSeconds = TestServer.sessionKey(get("/expiry/10").getResponseHeaders());
		String browser = TestServer.sessionKey(get("/expiry/0").getResponseHeaders());
		assertThat(this.sessions.get(tenSeconds).getMaxInactiveInterval()).isEqualTo(Duration.ofSeconds(10));
		assertThat(this.sessions.get(browser).getMaxInactiveInterval()).isEqualTo(Duration.ofSeconds(1209600));
	}

	@Test
	@DisplayName("SES-15: an unknown well-formed key that is never accessed: no Set-Cookie, no Vary")
	void unknownKeyNotAccessed() {
		start();
		EntityExchangeResult<String> result = get("/untouched/", "sessionid=0123456789abcdef0123456789abcdef");
		assertThat(setCookies(result)).isEmpty();
		assertThat(vary(result)).isEmpty();
	}

	@Test
	@DisplayName("SES-15: an unknown well-formed key that is accessed is deleted")
	void unknownKeyAccessed() {
		start();
		EntityExchangeResult<String> result = get("/read/", "sessionid=0123456789abcdef0123456789abcdef");
		assertThat(result.getResponseBody()).isEqualTo("none");
		assertThat(setCookies(result)).containsExactly(DELETION);
		assertThat(vary(result)).containsExactly("Cookie");
	}

	@Test
	@DisplayName("SES-15: an unknown key is never adopted: writing gives a new key (no session fixation)")
	void unknownKeyNeverAdopted() {
		start();
		String chosen = "attacker-chosen-key-0123456789";
		EntityExchangeResult<String> result = get("/session/", "sessionid=" + chosen);
		String key = TestServer.sessionKey(result.getResponseHeaders());
		assertThat(key).isNotNull().isNotEqualTo(chosen);
		assertThat(this.sessions).containsOnlyKeys(key);
	}

	@Test
	@DisplayName("SES-16: a 500 from a view that read the session: Vary: Cookie but no Set-Cookie")
	void serverErrorAfterReadVaries() {
		start();
		String key = newSessionKey();
		EntityExchangeResult<String> result = get("/read-fail/", "sessionid=" + key);
		assertThat(result.getStatus().value()).isEqualTo(500);
		assertThat(setCookies(result)).isEmpty();
		assertThat(vary(result)).containsExactly("Cookie");
	}

	@Test
	@DisplayName("SES-16: a view that writes the session then fails with an exception: 500, Vary: Cookie, nothing saved")
	void exceptionSkipsSave() {
		start();
		EntityExchangeResult<String> result = get("/throw/");
		assertThat(result.getStatus().value()).isEqualTo(500);
		assertThat(setCookies(result)).isEmpty();
		assertThat(vary(result)).containsExactly("Cookie");
		assertThat(this.sessions).isEmpty();
	}

	@Test
	@DisplayName("SES-obs: Vary: Cookie is appended to the view's own Vary")
	void varyIsPatched() {
		start();
		assertThat(vary(get("/vary/"))).containsExactly("Accept-Encoding, Cookie");
	}

	@Test
	@DisplayName("Bad input: a garbage sessionid is treated as unknown: 200, a new session on write")
	void garbageCookie() {
		start();
		EntityExchangeResult<String> result = get("/session/", "sessionid=%00%ff<script>!!!$$$");
		assertThat(result.getStatus().value()).isEqualTo(200);
		assertThat(result.getResponseBody()).isEqualTo("1");
		assertThat(TestServer.sessionKey(result.getResponseHeaders())).isNotNull().isNotEqualTo("%00%ff<script>!!!$$$");
	}

	@Test
	@DisplayName("Bad input: an over-long sessionid never reaches the store: 200, a new session on write")
	void overLongCookie() {
		start();
		String longKey = "a".repeat(4000);
		EntityExchangeResult<String> read = get("/read/", "sessionid=" + longKey);
		assertThat(read.getStatus().value()).isEqualTo(200);
		assertThat(setCookies(read)).containsExactly(DELETION);
		EntityExchangeResult<String> write = get("/session/", "sessionid=" + longKey);
		assertThat(write.getResponseBody()).isEqualTo("1");
		assertThat(TestServer.sessionKey(write.getResponseHeaders())).isNotNull().hasSizeLessThan(100);
	}

	@Test
	@DisplayName("Bad input: a non-ASCII sessionid: 200, a new session on write")
	void nonAsciiCookie() {
		start();
		EntityExchangeResult<String> result = get("/session/", "sessionid=s\u00e9ssion-\u00fcnicode-key");
		assertThat(result.getStatus().value()).isEqualTo(200);
		assertThat(result.getResponseBody()).isEqualTo("1");
		assertThat(TestServer.sessionKey(result.getResponseHeaders())).isNotNull();
	}

	@Test
	@DisplayName("Bad input: a duplicated sessionid cookie: the last one counts, as in Django")
	void duplicatedCookie() {
		start();
		String key = newSessionKey();
		assertThat(get("/read/", "sessionid=0123456789abcdef0123456789abcdef; sessionid=" + key).getResponseBody())
			.isEqualTo("1");
		EntityExchangeResult<String> unknownLast = get("/read/",
				"sessionid=" + key + "; sessionid=0123456789abcdef0123456789abcdef");
		assertThat(unknownLast.getStatus().value()).isEqualTo(200);
		assertThat(unknownLast.getResponseBody()).isEqualTo("none");
	}

	@Test
	@DisplayName("SES-obs: an expired stored session is not used")
	void expiredSessionIsNotUsed() {
		start();
		String key = newSessionKey();
		this.sessions.get(key).setLastAccessedTime(Instant.now().minus(Duration.ofDays(30)));
		EntityExchangeResult<String> result = get("/read/", "sessionid=" + key);
		assertThat(result.getResponseBody()).isEqualTo("none");
		assertThat(setCookies(result)).containsExactly(DELETION);
	}

}
