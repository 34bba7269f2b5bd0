package io.asyncmiddleware.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.asyncmiddleware.EnableAutoConfigurationWithoutRedisOrSpringSecurity;
import io.asyncmiddleware.detection.Blocking;
import io.asyncmiddleware.detection.NonBlocking;
import io.asyncmiddleware.middleware.auth.SessionLogin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UserDetailsRepositoryReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.MapSession;
import org.springframework.session.ReactiveMapSessionRepository;
import org.springframework.session.ReactiveSessionRepository;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Adapted entries run on their own {@code am-adapt} threads, not on Reactor's shared
 * {@code boundedElastic}: with every adapt thread held by a blocking entry (as many as
 * {@code boundedElastic} has), a login still checks its password and creates its session,
 * both of which run on {@code boundedElastic}. Were the adapt pool {@code boundedElastic},
 * the login would wait for a held hop to return.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "async-middleware.stack=session,authentication,login,audit",
				"async-middleware.filters.audit.mode=adapt",
				// longer than the test waits for the login: a hop that timed out would free its thread
				"async-middleware.filters.audit.timeout=120s" })
class AdaptSchedulerIntegrationTests {

	/** As many adapt threads as boundedElastic has, all of them held. */
	private static final int THREADS = Schedulers.DEFAULT_BOUNDED_ELASTIC_SIZE;

	@DynamicPropertySource
	static void adaptThreads(DynamicPropertyRegistry registry) {
		registry.add("async-middleware.adapt.threads", () -> THREADS);
	}

	@LocalServerPort
	private int port;

	@Autowired
	private AuditFilter audit;

	@Autowired
	private ThreadRecorder threads;

	@AfterEach
	void releaseHeldHops() {
		this.audit.release.countDown();
	}

	@Test
	void loginCompletesWhileEveryAdaptThreadIsHeld() throws Exception {
		// no connection pool: its default limit would queue the requests in the client
		WebClient unpooled = WebClient.builder()
			.baseUrl("http://localhost:" + this.port)
			.clientConnector(new ReactorClientHttpConnector(HttpClient.newConnection()))
			.build();
		Flux.range(0, THREADS)
			.flatMap((i) -> unpooled.get().uri("/slow/").retrieve().toBodilessEntity(), THREADS)
			.subscribe();
		assertThat(this.audit.entered.await(20, TimeUnit.SECONDS)).as("every adapt thread held").isTrue();

		WebTestClient client = WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.port)
			.responseTimeout(Duration.ofSeconds(20))
			.build();
		client.post()
			.uri("/login/")
			.body(BodyInserters.fromFormData("username", "alice").with("password", "secret"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectCookie()
			.exists("sessionid");

		// answered while every adapt thread was still held
		assertThat(this.audit.release.getCount()).isOne();
		assertThat(this.audit.threads).hasSize(THREADS)
			.allSatisfy((name) -> assertThat(name).startsWith("am-adapt-"))
			.doesNotHaveDuplicates();
		// what the login did on boundedElastic, the scheduler the adapt pool must not be
		assertThat(this.threads.passwordChecks).singleElement()
			.satisfies((name) -> assertThat(name).startsWith("boundedElastic-"));
		assertThat(this.threads.sessionsCreated).isNotEmpty()
			.allSatisfy((name) -> assertThat(name).startsWith("boundedElastic-"));
	}

	@SpringBootConfiguration
	@EnableAutoConfigurationWithoutRedisOrSpringSecurity
	static class App {

		@Bean
		RouterFunction<ServerResponse> routes() {
			return RouterFunctions.route().GET("/slow/", (request) -> ServerResponse.ok().build()).build();
		}

		@Bean
		ThreadRecorder threadRecorder() {
			return new ThreadRecorder();
		}

		@Bean
		MapReactiveUserDetailsService users() {
			return new MapReactiveUserDetailsService(User.withUsername("alice").password("secret").roles("USER").build());
		}

		// Spring Security checks the password on boundedElastic (its default scheduler)
		@Bean
		ReactiveAuthenticationManager authenticationManager(MapReactiveUserDetailsService users,
				ThreadRecorder threads) {
			UserDetailsRepositoryReactiveAuthenticationManager manager = new UserDetailsRepositoryReactiveAuthenticationManager(
					users);
			manager.setPasswordEncoder(threads.passwordEncoder());
			return manager;
		}

		// the session entry creates a session (a SecureRandom id) on boundedElastic
		@Bean
		ReactiveSessionRepository<MapSession> sessionRepository(ThreadRecorder threads) {
			return threads.sessionRepository(new ReactiveMapSessionRepository(new ConcurrentHashMap<>()));
		}

		@Bean
		LoginFilter login(ReactiveAuthenticationManager authenticationManager, SessionLogin sessionLogin) {
			return new LoginFilter(authenticationManager, sessionLogin);
		}

		@Bean
		AuditFilter audit() {
			return new AuditFilter();
		}

	}

	/**
	 * Answers {@code POST /login/} itself, as Spring Security's form login does, so that
	 * the login never reaches the held entry below it.
	 */
	@NonBlocking
	static class LoginFilter implements WebFilter {

		private final ReactiveAuthenticationManager authenticationManager;

		private final SessionLogin sessionLogin;

		LoginFilter(ReactiveAuthenticationManager authenticationManager, SessionLogin sessionLogin) {
			this.authenticationManager = authenticationManager;
			this.sessionLogin = sessionLogin;
		}

		@Override
		public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
			if (exchange.getRequest().getMethod() != HttpMethod.POST
					|| !exchange.getRequest().getPath().value().equals("/login/")) {
				return chain.filter(exchange);
			}
			return exchange.getFormData()
				.flatMap((form) -> this.authenticationManager.authenticate(
						UsernamePasswordAuthenticationToken.unauthenticated(value(form, "username"), value(form, "password"))))
				.flatMap((user) -> this.sessionLogin.login(exchange, user))
				.then(Mono.fromRunnable(() -> exchange.getResponse().setStatusCode(HttpStatus.OK)));
		}

		private static String value(MultiValueMap<String, String> form, String name) {
			String value = form.getFirst(name);
			return (value != null) ? value : "";
		}

	}

	@Blocking("stands in for a filter waiting on a slow database")
	static class AuditFilter implements WebFilter {

		final CountDownLatch entered = new CountDownLatch(THREADS);

		final CountDownLatch release = new CountDownLatch(1);

		final List<String> threads = new CopyOnWriteArrayList<>();

		@Override
		public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
			if (exchange.getRequest().getPath().value().equals("/slow/")) {
				this.threads.add(Thread.currentThread().getName());
				this.entered.countDown();
				try {
					this.release.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
			return chain.filter(exchange);
		}

	}

	static class ThreadRecorder {

		final List<String> passwordChecks = new CopyOnWriteArrayList<>();

		final List<String> sessionsCreated = new CopyOnWriteArrayList<>();

		PasswordEncoder passwordEncoder() {
			return new PasswordEncoder() {

				@Override
				public String encode(CharSequence rawPassword) {
					return rawPassword.toString();
				}

				@Override
				public boolean matches(CharSequence rawPassword, String encodedPassword) {
					ThreadRecorder.this.passwordChecks.add(Thread.currentThread().getName());
					return rawPassword.toString().equals(encodedPassword);
				}

			};
		}

		ReactiveSessionRepository<MapSession> sessionRepository(ReactiveSessionRepository<MapSession> delegate) {
			return new ReactiveSessionRepository<>() {

				@Override
				public Mono<MapSession> createSession() {
					return Mono.defer(() -> {
						ThreadRecorder.this.sessionsCreated.add(Thread.currentThread().getName());
						return delegate.createSession();
					});
				}

				@Override
				public Mono<Void> save(MapSession session) {
					return delegate.save(session);
				}

				@Override
				public Mono<MapSession> findById(String id) {
					return delegate.findById(id);
				}

				@Override
				public Mono<Void> deleteById(String id) {
					return delegate.deleteById(id);
				}

			};
		}

	}

}
