package io.asyncmiddleware.autoconfigure.session;

import java.time.Clock;

import io.asyncmiddleware.autoconfigure.ConditionalOnAsyncMiddleware;
import io.asyncmiddleware.middleware.CookieSettings;
import io.asyncmiddleware.middleware.session.SessionCookie;
import io.asyncmiddleware.middleware.session.SessionExceptionHandler;
import io.asyncmiddleware.middleware.session.SessionSettings;
import io.asyncmiddleware.middleware.session.SessionWebFilter;
import io.asyncmiddleware.stack.BuiltInMiddleware;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.session.ReactiveSessionRepository;
import org.springframework.session.web.server.session.SpringSessionWebSessionStore;

/**
 * Contributes the {@code session} entry (Django's {@code SessionMiddleware}) over Spring
 * Session.
 *
 * <p>Sessions are stored in the application's {@link ReactiveSessionRepository} bean,
 * typically Redis through Spring Boot's Spring Session Data Redis auto-configuration.
 * Without one, the entry keeps sessions in memory. That in-memory repository is
 * deliberately not a bean: a bean would have to be ordered after every Spring Session
 * store auto-configuration (Redis, JDBC, MongoDB, ...) to back off correctly, and would
 * be picked up by anything else that looks for a repository. The entry looks the
 * repository up when its filter is created, after all of them have run.
 *
 * <p>With Spring Session Data Redis over Lettuce it also shortens Lettuce's timeouts and
 * bounds its queue (see {@link RedisSessionStoreClientConfiguration}).
 */
@AutoConfiguration(afterName = "org.springframework.boot.session.data.redis.autoconfigure.SessionDataRedisAutoConfiguration")
@ConditionalOnAsyncMiddleware
@ConditionalOnClass({ ReactiveSessionRepository.class, SpringSessionWebSessionStore.class })
@EnableConfigurationProperties(SessionMiddlewareProperties.class)
@Import({ RedisSessionStoreClientConfiguration.class, RedisSessionSerializerConfiguration.class })
public final class SessionMiddlewareAutoConfiguration {

	/** The name of the session entry in {@code async-middleware.stack}. */
	public static final String ENTRY = "session";

	private static final Log logger = LogFactory.getLog(SessionMiddlewareAutoConfiguration.class);

	@Bean
	BuiltInMiddleware sessionMiddleware(SessionMiddlewareProperties properties,
			ObjectProvider<ReactiveSessionRepository<?>> repositories) {
		// built now, so that bad settings stop startup with their own message
		SessionCookie cookie = cookie(properties);
		SessionSettings settings = settings(properties);
		return BuiltInMiddleware.of(ENTRY, SessionWebFilter.class,
				() -> new SessionWebFilter(
						new SpringSessionWebSessionStore<>(repository(repositories, properties.getMaxInMemorySessions())),
						cookie, settings));
	}

	/**
	 * The entry's own answers to a session store outage and an interrupted session, ahead
	 * of Spring Boot's error page: an application's stack renders errors with the
	 * exception handlers where they arrive.
	 */
	@Bean
	@ConditionalOnMissingBean
	SessionExceptionHandler sessionExceptionHandler(SessionMiddlewareProperties properties) {
		return new SessionExceptionHandler(properties.getStoreRetryAfter());
	}

	private static ReactiveSessionRepository<?> repository(ObjectProvider<ReactiveSessionRepository<?>> repositories,
			int maxInMemorySessions) {
		return repositories.getIfAvailable(() -> {
			logger.info("No ReactiveSessionRepository bean: the session entry keeps sessions in memory "
					+ "(lost on restart, not shared between instances); for Redis, add the dependency "
					+ "org.springframework.boot:spring-boot-starter-session-data-redis");
			return new InMemorySessionRepository(Clock.systemUTC(), maxInMemorySessions);
		});
	}

	private static SessionCookie cookie(SessionMiddlewareProperties properties) {
		return new SessionCookie(new CookieSettings(properties.getCookieName(), properties.getCookieDomain(),
				properties.getCookiePath(), properties.isCookieSecure(), properties.isCookieHttpOnly(),
				properties.getCookieSameSite()), Clock.systemUTC());
	}

	private static SessionSettings settings(SessionMiddlewareProperties properties) {
		return new SessionSettings(properties.getCookieAge(), properties.isSaveEveryRequest(),
				properties.isExpireAtBrowserClose(), properties.getStoreRetryAfter());
	}

}
