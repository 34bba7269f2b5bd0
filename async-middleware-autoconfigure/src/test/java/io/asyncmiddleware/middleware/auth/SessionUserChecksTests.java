package io.asyncmiddleware.middleware.auth;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.asyncmiddleware.middleware.session.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.session.Session;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.WebFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Django's {@code get_user} on every request: a user who may no longer log in (disabled,
 * locked, expired, deleted) and a logged-in session without a session-auth hash are
 * logged out (the session flushed) on their next request.
 */
class SessionUserChecksTests {

	private static final String DELETION = "sessionid=\"\"; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/; SameSite=Lax";

	private final Map<String, UserDetails> accounts = new ConcurrentHashMap<>(
			Map.of("alice", User.withUsername("alice").password("{noop}wonderland").roles("USER").build()));

	// copies, as a real store returns: login erases the credentials of the one it gets
	private final ReactiveUserDetailsService users = (name) -> Mono.justOrEmpty(this.accounts.get(name))
		.map((user) -> User.withUserDetails(user).build());

	private final Map<String, Session> sessions = TestServer.sessions();

	private TestServer server;

	@AfterEach
	void stop() {
		if (this.server != null) {
			this.server.close();
		}
	}

	@Test
	void disabledUserIsLoggedOutOnTheNextRequest() {
		start(false);
		String key = login();
		assertThat(whoami(key).getResponseBody()).isEqualTo("alice");
		this.accounts.put("alice", User.withUserDetails(this.accounts.get("alice")).disabled(true).build());
		assertLoggedOut(key);
	}

	@Test
	void lockedUserIsLoggedOutOnTheNextRequest() {
		start(false);
		String key = login();
		this.accounts.put("alice", User.withUserDetails(this.accounts.get("alice")).accountLocked(true).build());
		assertLoggedOut(key);
	}

	@Test
	void expiredAccountIsLoggedOutOnTheNextRequest() {
		start(false);
		String key = login();
		this.accounts.put("alice", User.withUserDetails(this.accounts.get("alice")).accountExpired(true).build());
		assertLoggedOut(key);
	}

	@Test
	void deletedUserIsLoggedOutOnTheNextRequest() {
		start(false);
		String key = login();
		this.accounts.remove("alice");
		assertLoggedOut(key);
	}

	@Test
	void sessionWithoutHashIsLoggedOut() {
		start(false);
		String key = loginWithoutHash();
		assertLoggedOut(key);
	}

	@Test
	void sessionWithoutHashIsKeptWhenTrusted() {
		start(true);
		String key = loginWithoutHash();
		assertThat(whoami(key).getResponseBody()).isEqualTo("alice");
		assertThat(this.sessions).containsKey(key);
		// the account checks still apply
		this.accounts.put("alice", User.withUserDetails(this.accounts.get("alice")).disabled(true).build());
		assertLoggedOut(key);
	}

	private void assertLoggedOut(String key) {
		EntityExchangeResult<String> after = whoami(key);
		assertThat(after.getResponseBody()).isEqualTo("anonymous");
		assertThat(after.getResponseHeaders().get(HttpHeaders.SET_COOKIE)).containsExactly(DELETION);
		assertThat(this.sessions).doesNotContainKey(key);
	}

	private void start(boolean trustSessionsWithoutHash) {
		SessionLogin sessionLogin = new SessionLogin(this.users,
				new SessionAuthHash("test-secret".getBytes(StandardCharsets.UTF_8)), trustSessionsWithoutHash);
		WebSessionServerSecurityContextRepository contexts = new WebSessionServerSecurityContextRepository();
		RouterFunction<ServerResponse> routes = RouterFunctions.route()
			.GET("/login/", (request) -> this.users.findByUsername("alice")
				.map((user) -> UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()))
				.flatMap((user) -> sessionLogin.login(request.exchange(), user))
				.then(ServerResponse.ok().bodyValue("logged in")))
			// as Spring Security's own form login stores the user: no session-auth hash
			.GET("/spring-login/", (request) -> this.users.findByUsername("alice")
				.map((user) -> (SecurityContext) new SecurityContextImpl(
						UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities())))
				.flatMap((context) -> contexts.save(request.exchange(), context))
				.then(ServerResponse.ok().bodyValue("logged in")))
			.GET("/whoami/", (request) -> ReactiveSecurityContextHolder.getContext()
				.map(SecurityContext::getAuthentication)
				.map((user) -> SessionLogin.isAuthenticated(user) ? user.getName() : "anonymous")
				.flatMap((body) -> ServerResponse.ok().bodyValue(body)))
			.build();
		WebFilter session = TestServer.sessionFilter(TestServer.repository(this.sessions), TestServer.defaultCookie(),
				io.asyncmiddleware.middleware.session.SessionSettings.defaults());
		this.server = TestServer.start(routes,
				List.of(session, new SessionAuthenticationWebFilter(sessionLogin, null, "/accounts/login/")));
	}

	private String login() {
		return TestServer.sessionKey(get("/login/", null).getResponseHeaders());
	}

	private String loginWithoutHash() {
		String key = TestServer.sessionKey(get("/spring-login/", null).getResponseHeaders());
		assertThat(this.sessions.get(key).<String>getAttribute(SessionLogin.HASH_ATTRIBUTE)).isNull();
		return key;
	}

	private EntityExchangeResult<String> whoami(String key) {
		return get("/whoami/", key);
	}

	private EntityExchangeResult<String> get(String path, String key) {
		return this.server.client()
			.get()
			.uri(path)
			.headers((headers) -> {
				if (key != null) {
					headers.add(HttpHeaders.COOKIE, "sessionid=" + key);
				}
			})
			.exchange()
			.expectBody(String.class)
			.returnResult();
	}

}
