package io.asyncmiddleware.autoconfigure.session;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.asyncmiddleware.middleware.session.SessionExceptionHandler;
import io.asyncmiddleware.middleware.session.SessionStoreUnavailableException;
import io.asyncmiddleware.middleware.session.SessionWebFilter;
import io.asyncmiddleware.middleware.session.TestServer;
import io.asyncmiddleware.stack.BuiltInMiddleware;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration;
import org.springframework.boot.session.autoconfigure.SessionAutoConfiguration;
import org.springframework.boot.session.data.redis.autoconfigure.SessionDataRedisAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.web.server.Cookie.SameSite;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.session.ReactiveMapSessionRepository;
import org.springframework.session.ReactiveSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.data.redis.ReactiveRedisSessionRepository;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.WebFilter;

import static org.assertj.core.api.Assertions.assertThat;

class SessionMiddlewareAutoConfigurationTests {

	private final ReactiveWebApplicationContextRunner contextRunner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SessionMiddlewareAutoConfiguration.class));

	@Test
	void contributesSessionEntry() {
		this.contextRunner.run((context) -> {
			BuiltInMiddleware entry = context.getBean(BuiltInMiddleware.class);
			assertThat(entry.name()).isEqualTo("session");
			assertThat(entry.filterType()).isEqualTo(SessionWebFilter.class);
		});
	}

	@Test
	void answersTheSessionsOwnErrorsAheadOfBootsErrorPageWithTheConfiguredRetryAfter() {
		this.contextRunner.withPropertyValues("async-middleware.session.store-retry-after=7s").run((context) -> {
			SessionExceptionHandler handler = context.getBean(SessionExceptionHandler.class);
			assertThat(handler.getOrder()).isLessThan(-2);
			MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/"));
			handler.handle(exchange, new SessionStoreUnavailableException(new java.net.ConnectException())).block();
			assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
			assertThat(exchange.getResponse().getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("7");
		});
	}

	@Test
	void anApplicationsOwnSessionExceptionHandlerIsKept() {
		this.contextRunner.withBean("custom", SessionExceptionHandler.class, () -> new SessionExceptionHandler(
				Duration.ofSeconds(30)))
			.run((context) -> assertThat(context).getBean(SessionExceptionHandler.class).isSameAs(context.getBean("custom")));
	}

	@Test
	void inMemoryDefaultIsNotABean() {
		this.contextRunner.run((context) -> {
			assertThat(context).doesNotHaveBean(ReactiveSessionRepository.class);
			assertThat(context.getBean(BuiltInMiddleware.class).filterFactory().get()).isInstanceOf(SessionWebFilter.class);
		});
	}

	@Test
	void inMemoryDefaultServesSessionsWithConfiguredCookie() {
		this.contextRunner
			.withPropertyValues("async-middleware.session.cookie-name=sid", "async-middleware.session.cookie-age=60")
			.run((context) -> {
				try (TestServer server = serve(context.getBean(BuiltInMiddleware.class))) {
					HttpHeaders headers = server.client().get().uri("/write/").exchange().expectStatus().isOk()
						.returnResult(String.class).getResponseHeaders();
					assertThat(headers.getFirst(HttpHeaders.SET_COOKIE)).startsWith("sid=").contains("; Max-Age=60;");
				}
			});
	}

	@Test
	void inMemorySessionsAreCappedByProperty() {
		this.contextRunner.withPropertyValues("async-middleware.session.max-in-memory-sessions=2").run((context) -> {
			try (TestServer server = serve(context.getBean(BuiltInMiddleware.class))) {
				String first = write(server, null);
				write(server, null);
				write(server, null);
				// the least recently used session was evicted: its key is no longer known
				HttpHeaders again = server.client().get().uri("/write/").header(HttpHeaders.COOKIE, "sessionid=" + first)
					.exchange().expectStatus().isOk().returnResult(String.class).getResponseHeaders();
				assertThat(TestServer.sessionKey(again)).isNotEqualTo(first);
			}
		});
	}

	private static String write(TestServer server, String key) {
		HttpHeaders headers = server.client().get().uri("/write/").exchange().expectStatus().isOk()
			.returnResult(String.class).getResponseHeaders();
		return TestServer.sessionKey(headers);
	}

	@Test
	void usesApplicationsSessionRepository() {
		Map<String, Session> sessions = TestServer.sessions();
		this.contextRunner
			.withBean(ReactiveSessionRepository.class, () -> new ReactiveMapSessionRepository(sessions))
			.run((context) -> {
				try (TestServer server = serve(context.getBean(BuiltInMiddleware.class))) {
					HttpHeaders headers = server.client().get().uri("/write/").exchange().expectStatus().isOk()
						.returnResult(String.class).getResponseHeaders();
					assertThat(sessions).containsOnlyKeys(TestServer.sessionKey(headers));
				}
			});
	}

	@Test
	void leavesBootsRedisSessionRepositoryInCharge() {
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(SessionMiddlewareAutoConfiguration.class,
					SessionDataRedisAutoConfiguration.class, SessionAutoConfiguration.class,
					DataRedisAutoConfiguration.class, DataRedisReactiveAutoConfiguration.class))
			.withBean(ServerProperties.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).hasSingleBean(ReactiveSessionRepository.class);
				assertThat(context.getBean(ReactiveSessionRepository.class)).isInstanceOf(ReactiveRedisSessionRepository.class);
				assertThat(context).hasSingleBean(BuiltInMiddleware.class);
			});
	}

	@Test
	void bindsDjangoSettings() {
		this.contextRunner
			.withPropertyValues("async-middleware.session.cookie-age=3600", "async-middleware.session.cookie-same-site=strict",
					"async-middleware.session.cookie-domain=.example.local", "async-middleware.session.cookie-secure=true",
					"async-middleware.session.save-every-request=true", "async-middleware.session.expire-at-browser-close=true")
			.run((context) -> {
				SessionMiddlewareProperties properties = context.getBean(SessionMiddlewareProperties.class);
				assertThat(properties.getCookieAge()).isEqualTo(Duration.ofHours(1));
				assertThat(properties.getCookieSameSite()).isEqualTo(SameSite.STRICT);
				assertThat(properties.getCookieDomain()).isEqualTo(".example.local");
				assertThat(properties.isCookieSecure()).isTrue();
				assertThat(properties.isSaveEveryRequest()).isTrue();
				assertThat(properties.isExpireAtBrowserClose()).isTrue();
			});
	}

	@Test
	void defaultsAreDjangos() {
		this.contextRunner.run((context) -> {
			SessionMiddlewareProperties properties = context.getBean(SessionMiddlewareProperties.class);
			assertThat(properties.getCookieName()).isEqualTo("sessionid");
			assertThat(properties.getCookieAge()).isEqualTo(Duration.ofSeconds(1209600));
			assertThat(properties.getCookiePath()).isEqualTo("/");
			assertThat(properties.getCookieDomain()).isNull();
			assertThat(properties.isCookieSecure()).isFalse();
			assertThat(properties.isCookieHttpOnly()).isTrue();
			assertThat(properties.getCookieSameSite()).isEqualTo(SameSite.LAX);
			assertThat(properties.isSaveEveryRequest()).isFalse();
			assertThat(properties.isExpireAtBrowserClose()).isFalse();
		});
	}

	@Test
	void unknownSameSiteFailsStartup() {
		this.contextRunner.withPropertyValues("async-middleware.session.cookie-same-site=sometimes")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("sometimes"));
	}

	@Test
	void invalidCookieNameFailsStartup() {
		this.contextRunner.withPropertyValues("async-middleware.session.cookie-name=session id")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("Invalid session cookie name 'session id'"));
	}

	@Test
	void cookiePathWithSemicolonFailsStartup() {
		this.contextRunner.withPropertyValues("async-middleware.session.cookie-path=/a;Secure")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("Invalid session cookie path"));
	}

	@Test
	void zeroCookieAgeFailsStartup() {
		this.contextRunner.withPropertyValues("async-middleware.session.cookie-age=0")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("async-middleware.session.cookie-age"));
	}

	@Test
	void backsOffWithoutSpringSession() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(ReactiveSessionRepository.class))
			.run((context) -> assertThat(context).doesNotHaveBean(BuiltInMiddleware.class));
	}

	@Test
	void backsOffOutsideReactiveWebApplications() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(SessionMiddlewareAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(BuiltInMiddleware.class));
	}

	private static TestServer serve(BuiltInMiddleware entry) {
		return TestServer.start(RouterFunctions.route()
			.GET("/write/", (request) -> request.session().flatMap((session) -> {
				session.getAttributes().put("v", "x");
				return ServerResponse.ok().bodyValue("written");
			}))
			.build(), List.<WebFilter>of(entry.filterFactory().get()));
	}

}
