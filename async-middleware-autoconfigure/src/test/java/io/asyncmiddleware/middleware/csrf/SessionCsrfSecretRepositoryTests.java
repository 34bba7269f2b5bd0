package io.asyncmiddleware.middleware.csrf;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.server.WebSession;
import org.springframework.web.server.session.DefaultWebSessionManager;
import org.springframework.web.server.session.InMemoryWebSessionStore;

import static org.assertj.core.api.Assertions.assertThat;

class SessionCsrfSecretRepositoryTests {

	private final CsrfTokenFormat format = new CsrfTokenFormat();

	private final InMemoryWebSessionStore store = new InMemoryWebSessionStore();

	private final WebTestClient client = sessionClient();

	private WebTestClient sessionClient() {
		DefaultWebSessionManager sessions = new DefaultWebSessionManager();
		sessions.setSessionStore(this.store);
		CsrfWebFilter filter = new CsrfWebFilter(this.format,
				new SessionCsrfSecretRepository(this.format, "X-CSRFToken", "csrfmiddlewaretoken"),
				new CsrfTestApp.TestResolver());
		filter.setDebug(true);
		return WebTestClient.bindToWebHandler(CsrfTestApp.handler()).webFilter(filter).webSessionManager(sessions)
			.build();
	}

	private String storedSecret(String sessionId) {
		return this.store.retrieveSession(sessionId).block().getAttribute(SessionCsrfSecretRepository.SESSION_KEY);
	}

	@Test
	@DisplayName("CSRF-46: session mode sends no csrftoken cookie; the secret lives in session key _csrftoken")
	void secretInSession() {
		EntityExchangeResult<String> page = this.client.get().uri("/token/").exchange().expectBody(String.class)
			.returnResult();
		assertThat(page.getResponseCookies()).doesNotContainKey("csrftoken");
		String session = page.getResponseCookies().getFirst("SESSION").getValue();
		assertThat(CsrfTokenFormat.unmask(page.getResponseBody())).isEqualTo(storedSecret(session));
		this.client.post().uri("/form/").cookie("SESSION", session).header("X-CSRFToken", page.getResponseBody())
			.exchange().expectStatus().isOk();
	}

	@Test
	@DisplayName("CSRF-46: session mode without a session secret is 403 'CSRF cookie not set.'")
	void noSessionSecret() {
		this.client.post().uri("/form/").cookie("csrftoken", this.format.newSecret())
			.header("X-CSRFToken", this.format.newSecret()).exchange().expectStatus().isForbidden()
			.expectBody(String.class).value((body) -> assertThat(body).contains("CSRF cookie not set."));
	}

	@Test
	@DisplayName("CSRF-46: session mode rotation stores a new secret in the session")
	void rotationInSession() {
		String session = this.client.get().uri("/token/").exchange().expectBody(String.class).returnResult()
			.getResponseCookies().getFirst("SESSION").getValue();
		String before = storedSecret(session);
		this.client.get().uri("/rotate/").cookie("SESSION", session).exchange().expectStatus().isOk();
		assertThat(storedSecret(session)).matches("[a-zA-Z0-9]{32}").isNotEqualTo(before);
	}

	@Test
	@DisplayName("CSRF-46: the session is not modified or saved when the secret is unchanged")
	void unchangedSecretNotSaved() {
		String secret = this.format.newSecret();
		CountingSession session = new CountingSession();
		session.getAttributes().put(SessionCsrfSecretRepository.SESSION_KEY, secret);
		SessionCsrfSecretRepository repository = new SessionCsrfSecretRepository(this.format, "X-CSRFToken", "f");
		MockServerWebExchange exchange = MockServerWebExchange.builder(MockServerHttpRequest.get("/").build())
			.session(session).build();
		repository.saveToken(exchange, new StoredCsrfSecret("X-CSRFToken", "f", secret)).block();
		assertThat(session.saves).hasValue(0);
		repository.saveToken(exchange, new StoredCsrfSecret("X-CSRFToken", "f", this.format.newSecret())).block();
		assertThat(session.saves).hasValue(1);
		assertThat(exchange.getResponse().getCookies().get("csrftoken")).isNull();
	}

	static final class CountingSession implements WebSession {

		final AtomicInteger saves = new AtomicInteger();

		private final Map<String, Object> attributes = new HashMap<>();

		@Override
		public String getId() {
			return "id";
		}

		@Override
		public Map<String, Object> getAttributes() {
			return this.attributes;
		}

		@Override
		public void start() {
		}

		@Override
		public boolean isStarted() {
			return true;
		}

		@Override
		public Mono<Void> changeSessionId() {
			return Mono.empty();
		}

		@Override
		public Mono<Void> invalidate() {
			return Mono.empty();
		}

		@Override
		public Mono<Void> save() {
			return Mono.fromRunnable(this.saves::incrementAndGet);
		}

		@Override
		public boolean isExpired() {
			return false;
		}

		@Override
		public Instant getCreationTime() {
			return Instant.EPOCH;
		}

		@Override
		public Instant getLastAccessTime() {
			return Instant.EPOCH;
		}

		@Override
		public void setMaxIdleTime(Duration maxIdleTime) {
		}

		@Override
		public Duration getMaxIdleTime() {
			return Duration.ofMinutes(30);
		}

	}

}
