package io.asyncmiddleware.middleware.session;

import java.net.ConnectException;

import io.asyncmiddleware.EnableAutoConfigurationWithoutRedisOrSpringSecurity;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.session.MapSession;
import org.springframework.session.ReactiveSessionRepository;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.WebSession;

/**
 * A session store that cannot be reached, behind the whole default stack of an
 * application, where errors are answered inside the stack: the {@code session} entry's
 * {@code 503} with {@code Retry-After} reaches the client, both when the view loads the
 * session and when the response phase saves it, not the application's generic error page.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "async-middleware.stack=security,session,common,csrf,authentication,messages,x-frame-options,"
				+ "gzip,conditional-get", "spring.web.resources.add-mappings=false" })
@AutoConfigureWebTestClient
class SessionStoreOutageInTheStackIntegrationTests {

	@Autowired
	private WebTestClient client;

	@Test
	void loadingTheSessionForTheViewAnswers503WithRetryAfter() {
		assertUnavailable(this.client.get().uri("/read/").cookie("sessionid", "abcdefghijklmnop").exchange());
	}

	@Test
	void savingTheSessionOnTheWayOutAnswers503WithRetryAfter() {
		assertUnavailable(this.client.get().uri("/write/").exchange());
	}

	@Test
	void requestsThatNeverTouchTheSessionAreServed() {
		this.client.get().uri("/plain/").exchange().expectStatus().isOk().expectBody(String.class).isEqualTo("plain");
	}

	private static void assertUnavailable(WebTestClient.ResponseSpec response) {
		response.expectStatus()
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
			.expectHeader()
			.valueEquals(HttpHeaders.RETRY_AFTER, "5")
			.expectHeader()
			.doesNotExist(HttpHeaders.SET_COOKIE)
			.expectBody(String.class)
			.isEqualTo("Session store unavailable; retry later.\n");
	}

	@SpringBootConfiguration
	@EnableAutoConfigurationWithoutRedisOrSpringSecurity
	static class App {

		@Bean
		Routes routes() {
			return new Routes();
		}

		/** A store whose every command fails as a refused connection does. */
		@Bean
		ReactiveSessionRepository<MapSession> unreachableSessionRepository() {
			return new ReactiveSessionRepository<>() {

				@Override
				public Mono<MapSession> createSession() {
					return Mono.fromSupplier(MapSession::new);
				}

				@Override
				public Mono<Void> save(MapSession session) {
					return Mono.error(new ConnectException("Connection refused"));
				}

				@Override
				public Mono<MapSession> findById(String id) {
					return Mono.error(new ConnectException("Connection refused"));
				}

				@Override
				public Mono<Void> deleteById(String id) {
					return Mono.error(new ConnectException("Connection refused"));
				}

			};
		}

	}

	@RestController
	static class Routes {

		@GetMapping("/read/")
		Mono<String> read(WebSession session) {
			return Mono.just(String.valueOf(session.getAttributes().get("n")));
		}

		@GetMapping("/write/")
		Mono<String> write(WebSession session) {
			session.getAttributes().put("n", 1);
			return Mono.just("written");
		}

		@GetMapping("/plain/")
		String plain() {
			return "plain";
		}

	}

}
