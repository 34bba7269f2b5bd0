package io.asyncmiddleware.middleware.auth;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import io.asyncmiddleware.middleware.csrf.CsrfTokenRotation;
import io.asyncmiddleware.middleware.session.SessionSettings;
import io.asyncmiddleware.middleware.session.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UserDetailsRepositoryReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.WebFilterChainProxy;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.session.Session;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.WebFilter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Django's AuthenticationMiddleware, login/logout and {@code @login_required} behaviour
 * (checklist AUTH-*, SES-14) of {@link SessionAuthenticationWebFilter} and
 * {@link SessionLogin}, over HTTP.
 */
class SessionAuthenticationWebFilterTests {

	private static final String DELETION = "sessionid=\"\"; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/; SameSite=Lax";

	private static final Set<String> PATHS = Set.of("/whoami/", "/principal/", "/login/", "/logout/", "/secret/",
			"/custom/", "/remote/", "/public/", "/set/", "/read/", "/untouched/");

	private final Map<String, Session> sessions = TestServer.sessions();

	private final MapReactiveUserDetailsService users = new MapReactiveUserDetailsService(
			User.withUsername("alice").password("{noop}wonderland").roles("USER").build(),
			User.withUsername("bob").password("{noop}builder").roles("USER").build());

	private final SessionLogin sessionLogin = new SessionLogin(this.users,
			new SessionAuthHash("test-secret".getBytes(StandardCharsets.UTF_8)));

	private final AtomicInteger csrfRotations = new AtomicInteger();

	private TestServer server;

	@AfterEach
	void stop() {
		if (this.server != null) {
			this.server.close();
		}
	}

	private RouterFunction<ServerResponse> routes() {
		UserDetailsRepositoryReactiveAuthenticationManager authenticationManager = new UserDetailsRepositoryReactiveAuthenticationManager(
				this.users);
		return RouterFunctions.route()
			.GET("/whoami/", (request) -> ReactiveSecurityContextHolder.getContext()
				.map(SecurityContext::getAuthentication)
				.map((user) -> SessionLogin.isAuthenticated(user) ? user.getName() : "anonymous")
				.flatMap((body) -> ServerResponse.ok().bodyValue(body)))
			.GET("/principal/", (request) -> request.principal()
				.flatMap((principal) -> ServerResponse.ok().bodyValue(principal.getClass().getSimpleName() + ":" + principal.getName())))
			.GET("/login/", (request) -> authenticationManager
				.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(
						request.queryParam("username").orElse(""), request.queryParam("password").orElse("")))
				.flatMap((user) -> this.sessionLogin.login(request.exchange(), user))
				.then(ServerResponse.status(HttpStatus.FOUND).header(HttpHeaders.LOCATION, "/whoami/").build())
				.onErrorResume(AuthenticationException.class, (ex) -> ServerResponse.status(HttpStatus.UNAUTHORIZED).bodyValue("invalid credentials")))
			.GET("/logout/", (request) -> this.sessionLogin.logout(request.exchange())
				.then(ServerResponse.status(HttpStatus.FOUND).header(HttpHeaders.LOCATION, "/whoami/").build()))
			.GET("/secret/", (request) -> ServerResponse.ok().bodyValue("secret"))
			.GET("/custom/", (request) -> ServerResponse.ok().bodyValue("custom"))
			.GET("/remote/", (request) -> ServerResponse.ok().bodyValue("remote"))
			.POST("/secret/", (request) -> ServerResponse.ok().bodyValue("secret"))
			.GET("/public/", (request) -> ServerResponse.ok().bodyValue("public"))
			.GET("/untouched/", (request) -> ServerResponse.ok().bodyValue("untouched"))
			.GET("/set/", (request) -> request.session().flatMap((session) -> {
				session.getAttributes().put("v", request.queryParam("v").orElse("x"));
				return ServerResponse.ok().bodyValue("set");
			}))
			.GET("/read/", (request) -> request.session()
				.flatMap((session) -> ServerResponse.ok().bodyValue(session.getAttributeOrDefault("v", "none"))))
			.build();
	}

	private void start(String loginUrl, boolean withResolver) {
		start(loginUrl, withResolver, null);
	}

	private void start(String loginUrl, boolean withResolver, WebFilter after) {
		WebFilter csrf = (exchange, chain) -> {
			exchange.getAttributes().put(CsrfTokenRotation.ATTRIBUTE, (CsrfTokenRotation) () -> Mono.fromRunnable(() -> {
				this.csrfRotations.incrementAndGet();
				exchange.getResponse().getHeaders().set("X-Csrf-Rotated", "yes");
			}));
			return chain.filter(exchange);
		};
		List<WebFilter> filters = new ArrayList<>();
		filters.add(TestServer.sessionFilter(TestServer.repository(this.sessions), TestServer.defaultCookie(),
				SessionSettings.defaults()));
		filters.add(csrf);
		filters.add(new SessionAuthenticationWebFilter(this.sessionLogin,
				withResolver ? new PathHandlerResolver(PATHS) : null, loginUrl));
		if (after != null) {
			filters.add(after);
		}
		this.server = TestServer.start(routes(), arrange(filters));
	}

	/**
	 * The filters as the server runs them: as they are, here.
	 * @param filters the session entry, a CSRF stand-in, the authentication entry, and any
	 * filter after it
	 * @return the filters the server runs
	 */
	List<WebFilter> arrange(List<WebFilter> filters) {
		return filters;
	}

	private void start() {
		start("/accounts/login/", true);
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

	private String login(String username, String password, String... cookieHeader) {
		EntityExchangeResult<String> result = get("/login/?username=" + username + "&password=" + password,
				cookieHeader);
		assertThat(result.getStatus().value()).isEqualTo(302);
		String key = TestServer.sessionKey(result.getResponseHeaders());
		return (key != null) ? key : cookieHeader[0].substring("sessionid=".length());
	}

	private static List<String> setCookies(EntityExchangeResult<?> result) {
		return result.getResponseHeaders().getOrEmpty(HttpHeaders.SET_COOKIE);
	}

	private static String location(EntityExchangeResult<?> result) {
		return result.getResponseHeaders().getFirst(HttpHeaders.LOCATION);
	}

	@Test
	@DisplayName("AUTH-obs: without a session the user is anonymous; asking for the user accesses the session (Vary: Cookie), no cookie")
	void anonymousUser() {
		start();
		EntityExchangeResult<String> result = get("/whoami/");
		assertThat(result.getResponseBody()).isEqualTo("anonymous");
		assertThat(setCookies(result)).isEmpty();
		assertThat(result.getResponseHeaders().getOrEmpty(HttpHeaders.VARY)).containsExactly("Cookie");
	}

	@Test
	@DisplayName("AUTH-obs: the anonymous user is Spring Security's AnonymousAuthenticationToken, also as the exchange's principal")
	void anonymousPrincipal() {
		start();
		assertThat(get("/principal/").getResponseBody())
			.isEqualTo(AnonymousAuthenticationToken.class.getSimpleName() + ":anonymousUser");
	}

	@Test
	@DisplayName("AUTH-04: the user is resolved lazily: a view that never asks does not touch the session")
	void userIsLazy() {
		start();
		String key = login("alice", "wonderland");
		EntityExchangeResult<String> result = get("/untouched/", "sessionid=" + key);
		assertThat(result.getResponseHeaders().getOrEmpty(HttpHeaders.VARY)).isEmpty();
		assertThat(setCookies(result)).isEmpty();
	}

	@Test
	@DisplayName("Login: stores the user in Spring Security's session attribute, sets a session cookie and rotates the CSRF token")
	void loginStoresUser() {
		start();
		EntityExchangeResult<String> result = get("/login/?username=alice&password=wonderland");
		assertThat(result.getStatus().value()).isEqualTo(302);
		assertThat(result.getResponseHeaders().getFirst("X-Csrf-Rotated")).isEqualTo("yes");
		String key = TestServer.sessionKey(result.getResponseHeaders());
		assertThat(key).isNotNull();
		assertThat(this.sessions.get(key).<SecurityContext>getAttribute("SPRING_SECURITY_CONTEXT").getAuthentication()
			.getName()).isEqualTo("alice");
		assertThat(this.sessions.get(key).<String>getAttribute(SessionLogin.HASH_ATTRIBUTE)).hasSize(64);
		assertThat(get("/whoami/", "sessionid=" + key).getResponseBody()).isEqualTo("alice");
		assertThat(get("/principal/", "sessionid=" + key).getResponseBody()).endsWith(":alice");
	}

	@Test
	@DisplayName("Login: the password never lands in the session")
	void loginErasesCredentials() {
		start();
		String key = login("alice", "wonderland");
		Authentication stored = this.sessions.get(key).<SecurityContext>getAttribute("SPRING_SECURITY_CONTEXT")
			.getAuthentication();
		assertThat(stored.getCredentials()).isNull();
		assertThat(((UserDetails) stored.getPrincipal()).getPassword()).isNull();
	}

	@Test
	@DisplayName("Login: wrong credentials leave the visitor anonymous (401)")
	void wrongPassword() {
		start();
		EntityExchangeResult<String> result = get("/login/?username=alice&password=nope");
		assertThat(result.getStatus().value()).isEqualTo(401);
		assertThat(setCookies(result)).isEmpty();
	}

	@Test
	@DisplayName("SES-14: login from an anonymous session cycles the key and keeps the data")
	void loginCyclesAnonymousSession() {
		start();
		String anonymousKey = TestServer.sessionKey(get("/set/?v=cart").getResponseHeaders());
		String key = login("alice", "wonderland", "sessionid=" + anonymousKey);
		assertThat(key).isNotEqualTo(anonymousKey);
		assertThat(get("/read/", "sessionid=" + key).getResponseBody()).isEqualTo("cart");
		assertThat(this.sessions).containsOnlyKeys(key);
	}

	@Test
	@DisplayName("SES-14: after login the old key stops working: anonymous, and its cookie is deleted")
	void oldKeyStopsWorking() {
		start();
		String anonymousKey = TestServer.sessionKey(get("/set/").getResponseHeaders());
		login("alice", "wonderland", "sessionid=" + anonymousKey);
		EntityExchangeResult<String> result = get("/whoami/", "sessionid=" + anonymousKey);
		assertThat(result.getResponseBody()).isEqualTo("anonymous");
		assertThat(setCookies(result)).containsExactly(DELETION);
	}

	@Test
	@DisplayName("SES-14: login as a different user flushes the session: new key, old data gone")
	void loginAsOtherUserFlushes() {
		start();
		String aliceKey = login("alice", "wonderland");
		get("/set/?v=alice-data", "sessionid=" + aliceKey);
		String bobKey = login("bob", "builder", "sessionid=" + aliceKey);
		assertThat(bobKey).isNotEqualTo(aliceKey);
		assertThat(get("/read/", "sessionid=" + bobKey).getResponseBody()).isEqualTo("none");
		assertThat(get("/whoami/", "sessionid=" + bobKey).getResponseBody()).isEqualTo("bob");
		assertThat(this.sessions).containsOnlyKeys(bobKey);
	}

	@Test
	@DisplayName("SES-14: the same user logging in again with an unchanged password keeps the key")
	void reloginKeepsKey() {
		start();
		String key = login("alice", "wonderland");
		get("/set/?v=kept", "sessionid=" + key);
		EntityExchangeResult<String> result = get("/login/?username=alice&password=wonderland", "sessionid=" + key);
		assertThat(TestServer.sessionKey(result.getResponseHeaders())).isEqualTo(key);
		assertThat(get("/read/", "sessionid=" + key).getResponseBody()).isEqualTo("kept");
	}

	@Test
	@DisplayName("SES-14: the same user logging in after a password change gets a new key")
	void reloginAfterPasswordChangeGetsNewKey() {
		start();
		String key = login("alice", "wonderland");
		changePassword("alice", "looking-glass");
		String newKey = login("alice", "looking-glass", "sessionid=" + key);
		assertThat(newKey).isNotEqualTo(key);
		assertThat(get("/whoami/", "sessionid=" + newKey).getResponseBody()).isEqualTo("alice");
	}

	@Test
	@DisplayName("AUTH-02: same password: still authenticated on later requests")
	void samePasswordStaysLoggedIn() {
		start();
		String key = login("alice", "wonderland");
		assertThat(get("/whoami/", "sessionid=" + key).getResponseBody()).isEqualTo("alice");
		EntityExchangeResult<String> again = get("/whoami/", "sessionid=" + key);
		assertThat(again.getResponseBody()).isEqualTo("alice");
		assertThat(setCookies(again)).isEmpty();
	}

	@Test
	@DisplayName("AUTH-03: password changed elsewhere: anonymous, the session is flushed and its cookie deleted")
	void passwordChangeLogsOut() {
		start();
		String key = login("alice", "wonderland");
		changePassword("alice", "looking-glass");
		EntityExchangeResult<String> result = get("/whoami/", "sessionid=" + key);
		assertThat(result.getResponseBody()).isEqualTo("anonymous");
		assertThat(setCookies(result)).containsExactly(DELETION);
		assertThat(this.sessions).doesNotContainKey(key);
	}

	@Test
	@DisplayName("AUTH-03: a user deleted since login is anonymous")
	void deletedUserIsAnonymous() {
		start();
		String key = login("alice", "wonderland");
		this.sessions.get(key).setAttribute("SPRING_SECURITY_CONTEXT",
				new SecurityContextImpl(
						UsernamePasswordAuthenticationToken.authenticated("mallory", null, List.of())));
		assertThat(get("/whoami/", "sessionid=" + key).getResponseBody()).isEqualTo("anonymous");
	}

	@Test
	@DisplayName("Logout: flushes the session (cookie deleted), the user is anonymous and the old key is dead")
	void logoutFlushes() {
		start();
		String key = login("alice", "wonderland");
		EntityExchangeResult<String> result = get("/logout/", "sessionid=" + key);
		assertThat(result.getStatus().value()).isEqualTo(302);
		assertThat(setCookies(result)).containsExactly(DELETION);
		assertThat(this.sessions).isEmpty();
		assertThat(get("/whoami/", "sessionid=" + key).getResponseBody()).isEqualTo("anonymous");
	}

	@Test
	@DisplayName("AUTH-05: a handler without @LoginRequired answers anonymous users with 200")
	void publicHandler() {
		start();
		EntityExchangeResult<String> result = get("/public/");
		assertThat(result.getStatus().value()).isEqualTo(200);
		assertThat(result.getResponseBody()).isEqualTo("public");
	}

	@Test
	@DisplayName("AUTH-06: a @LoginRequired handler redirects anonymous users: 302 <login-url>?next=<path>")
	void loginRequiredRedirects() {
		start();
		EntityExchangeResult<String> result = get("/secret/");
		assertThat(result.getStatus().value()).isEqualTo(302);
		assertThat(location(result)).isEqualTo("/accounts/login/?next=/secret/");
		assertThat(result.getResponseHeaders().getOrEmpty(HttpHeaders.VARY)).containsExactly("Cookie");
	}

	@Test
	@DisplayName("AUTH-06: the redirect applies to every method (POST too)")
	void loginRequiredRedirectsPost() {
		start();
		this.server.client().post().uri("/secret/").exchange().expectStatus().isFound()
			.expectHeader().valueEquals(HttpHeaders.LOCATION, "/accounts/login/?next=/secret/");
	}

	@Test
	@DisplayName("AUTH-07: @LoginRequired(loginUrl, redirectFieldName) -> 302 /custom_login/?step=/custom/")
	void customLoginUrlAndField() {
		start();
		assertThat(location(get("/custom/"))).isEqualTo("/custom_login/?step=/custom/");
	}

	@Test
	@DisplayName("AUTH-08: the configured login URL (Django: LOGIN_URL) is used")
	void configuredLoginUrl() {
		start("/admin/login/", true);
		assertThat(location(get("/secret/"))).isEqualTo("/admin/login/?next=/secret/");
	}

	@Test
	@DisplayName("AUTH-09: a URL that does not resolve is a 404, not a redirect")
	void unknownUrl() {
		start();
		EntityExchangeResult<String> result = get("/nowhere/");
		assertThat(result.getStatus().value()).isEqualTo(404);
		assertThat(location(result)).isNull();
	}

	@Test
	@DisplayName("AUTH-10: a logged-in user gets 200 from @LoginRequired handlers")
	void loggedInPasses() {
		start();
		String key = login("alice", "wonderland");
		assertThat(get("/secret/", "sessionid=" + key).getResponseBody()).isEqualTo("secret");
		assertThat(get("/custom/", "sessionid=" + key).getResponseBody()).isEqualTo("custom");
		assertThat(get("/public/", "sessionid=" + key).getResponseBody()).isEqualTo("public");
	}

	@Test
	@DisplayName("AUTH-13: the query string is encoded inside next: /secret/?x=1 -> next=/secret/%3Fx%3D1")
	void queryIsEncodedInNext() {
		start();
		assertThat(location(get("/secret/?x=1"))).isEqualTo("/accounts/login/?next=/secret/%3Fx%3D1");
		assertThat(location(get("/secret/?a=b c&d=é"))).isEqualTo("/accounts/login/?next=/secret/%3Fa%3Db%2520c%26d%3D%25C3%25A9");
	}

	@Test
	@DisplayName("AUTH-13: a login URL on another host gets the absolute URL in next")
	void remoteLoginUrlGetsAbsoluteNext() {
		start();
		String location = location(get("/remote/?x=1"));
		assertThat(location).startsWith("https://login.example/accounts/login/?next=http%3A//127.0.0.1%3A")
			.endsWith("/remote/%3Fx%3D1");
	}

	@Test
	@DisplayName("AUTH-05: without a HandlerResolver nothing is redirected")
	void noResolverNoRedirect() {
		start("/accounts/login/", false);
		assertThat(get("/secret/").getResponseBody()).isEqualTo("secret");
	}

	@Test
	@DisplayName("Login requires an authenticated user")
	void loginRejectsUnauthenticated() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.sessionLogin.login(null, UsernamePasswordAuthenticationToken.unauthenticated("a", "b")))
			.withMessageContaining("authenticated user");
	}

	@Test
	@DisplayName("Session-auth hash: HMAC of the password hash, keyed by the secret")
	void sessionAuthHash() {
		SessionAuthHash hash = new SessionAuthHash("k1".getBytes(StandardCharsets.UTF_8));
		assertThat(hash.of("{noop}a")).isEqualTo(hash.of("{noop}a")).isNotEqualTo(hash.of("{noop}b"))
			.isNotEqualTo(new SessionAuthHash("k2".getBytes(StandardCharsets.UTF_8)).of("{noop}a"));
		assertThat(SessionAuthHash.matches(null, hash.of("x"))).isFalse();
	}

	@Test
	@DisplayName("Spring Security's own chain after the entry authorizes with the user the entry resolved")
	void springSecurityChainSeesEntrysUser() {
		SecurityWebFilterChain chain = ServerHttpSecurity.http()
			.authorizeExchange((exchanges) -> exchanges.pathMatchers("/public/").hasRole("USER").anyExchange().permitAll())
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.securityContextRepository(new WebSessionServerSecurityContextRepository())
			.build();
		start("/accounts/login/", true, new WebFilterChainProxy(chain));
		assertThat(get("/public/").getStatus().value()).isIn(401, 403);
		String key = login("alice", "wonderland");
		EntityExchangeResult<String> result = get("/public/", "sessionid=" + key);
		assertThat(result.getStatus().value()).isEqualTo(200);
		assertThat(result.getResponseBody()).isEqualTo("public");
		assertThat(get("/whoami/", "sessionid=" + key).getResponseBody()).isEqualTo("alice");
	}

	private void changePassword(String username, String password) {
		UserDetails user = this.users.findByUsername(username).block();
		this.users.updatePassword(user, "{noop}" + password).block();
	}

}
