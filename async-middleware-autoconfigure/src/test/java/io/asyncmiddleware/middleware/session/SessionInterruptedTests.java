package io.asyncmiddleware.middleware.session;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.session.Session;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Django's {@code SessionInterrupted}: a logout in one request is not undone by a
 * concurrent request that loaded the same session and saves it afterwards.
 */
class SessionInterruptedTests {

	private final Map<String, Session> sessions = TestServer.sessions();

	private final CompletableFuture<Void> loaded = new CompletableFuture<>();

	private final CompletableFuture<Void> gate = new CompletableFuture<>();

	private final TestServer server = TestServer.start(routes(), List.of(TestServer.sessionFilter(
			TestServer.repository(this.sessions), TestServer.defaultCookie(), SessionSettings.defaults())));

	@AfterEach
	void stop() {
		this.gate.complete(null);
		this.server.close();
	}

	@Test
	void aSessionDeletedByAConcurrentLogoutIsNotSavedBackAndTheRequestGets400() throws Exception {
		String key = TestServer.sessionKey(get("/login/", null).getResponseHeaders());
		assertThat(this.sessions).containsOnlyKeys(key);

		CompletableFuture<EntityExchangeResult<String>> slow = CompletableFuture
			.supplyAsync(() -> get("/slow-write/", key));
		this.loaded.get(10, TimeUnit.SECONDS);
		EntityExchangeResult<String> logout = get("/logout/", key);
		assertThat(logout.getStatus()).isEqualTo(HttpStatus.OK);
		assertThat(this.sessions).isEmpty();
		this.gate.complete(null);

		EntityExchangeResult<String> interrupted = slow.get(10, TimeUnit.SECONDS);
		assertThat(interrupted.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(interrupted.getResponseBody()).isEqualTo(SessionInterruptedException.REASON + "\n");
		assertThat(interrupted.getResponseHeaders().get(HttpHeaders.SET_COOKIE)).isNull();
		// the logged-out session did not come back
		assertThat(this.sessions).isEmpty();
		assertThat(get("/whoami/", key).getResponseBody()).isEqualTo("anonymous");
	}

	@Test
	void aSessionStillStoredIsSaved() throws Exception {
		String key = TestServer.sessionKey(get("/login/", null).getResponseHeaders());
		this.gate.complete(null);
		EntityExchangeResult<String> result = get("/slow-write/", key);
		assertThat(result.getStatus()).isEqualTo(HttpStatus.OK);
		assertThat(TestServer.stored(this.sessions, key).<Integer>getAttribute("n")).isEqualTo(1);
	}

	private RouterFunction<ServerResponse> routes() {
		return RouterFunctions.route()
			.GET("/login/", (request) -> request.session().flatMap((session) -> {
				session.getAttributes().put("user", "alice");
				return ServerResponse.ok().bodyValue("logged in");
			}))
			.GET("/whoami/", (request) -> request.session()
				.flatMap((session) -> ServerResponse.ok().bodyValue(session.getAttributeOrDefault("user", "anonymous"))))
			.GET("/logout/", (request) -> request.session().flatMap(WebSession::invalidate).then(ServerResponse.ok().bodyValue("bye")))
			.GET("/slow-write/", (request) -> request.session().flatMap((session) -> {
				session.getAttribute("user");
				this.loaded.complete(null);
				return Mono.fromFuture(this.gate).then(Mono.defer(() -> {
					session.getAttributes().put("n", 1);
					return ServerResponse.ok().bodyValue("written");
				}));
			}))
			.build();
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
