package io.asyncmiddleware.autoconfigure.session;

import java.time.Duration;

import io.lettuce.core.ClientOptions.DisconnectedBehavior;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.data.redis.autoconfigure.DataRedisProperties;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientConfigurationBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Lettuce defaults for when sessions live in Redis, so that a Redis outage costs a
 * session request a fast {@code 503} instead of a hang: Lettuce's own defaults wait 60
 * seconds per command, queue commands without bound while disconnected, and take 10
 * seconds to give up connecting.
 *
 * <ul>
 * <li>command timeout {@value #COMMAND_TIMEOUT_MILLIS} ms, and {@value #HANDSHAKE_TIMEOUT_MILLIS}
 * ms for a new connection's handshake (which Lettuce times with the connection's default
 * timeout: a cold JVM on a busy host can take longer than a command may), unless
 * {@code spring.data.redis.timeout} is set, which then times both as in Boot;</li>
 * <li>connect timeout {@value #CONNECT_TIMEOUT_MILLIS} ms, unless
 * {@code spring.data.redis.connect-timeout} is set;</li>
 * <li>commands rejected at once while disconnected (Lettuce keeps reconnecting in the
 * background), and at most {@value #REQUEST_QUEUE_SIZE} commands queued per
 * connection.</li>
 * </ul>
 *
 * <p>The customizers run first ({@link Ordered#HIGHEST_PRECEDENCE}), so any
 * {@link LettuceClientOptionsBuilderCustomizer} or
 * {@link LettuceClientConfigurationBuilderCustomizer} of the application runs after them
 * and wins.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = { "org.springframework.boot.session.data.redis.autoconfigure.SessionDataRedisAutoConfiguration",
		"org.springframework.session.data.redis.ReactiveRedisSessionRepository", "io.lettuce.core.RedisClient" })
@ConditionalOnProperty(name = "spring.data.redis.client-type", havingValue = "lettuce", matchIfMissing = true)
@EnableConfigurationProperties(DataRedisProperties.class)
class RedisSessionStoreClientConfiguration {

	/** Command timeout applied when {@code spring.data.redis.timeout} is not set. */
	static final long COMMAND_TIMEOUT_MILLIS = 500;

	/**
	 * Timeout of a connection's handshake (and of Spring Data's blocking waits) applied when
	 * {@code spring.data.redis.timeout} is not set.
	 */
	static final long HANDSHAKE_TIMEOUT_MILLIS = 5000;

	/** Connect timeout applied when {@code spring.data.redis.connect-timeout} is not set. */
	static final long CONNECT_TIMEOUT_MILLIS = 1000;

	/** Bound on the commands queued or in flight on one connection. */
	static final int REQUEST_QUEUE_SIZE = 10_000;

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	LettuceClientOptionsBuilderCustomizer sessionStoreLettuceClientOptions(DataRedisProperties properties) {
		return (options) -> {
			options.disconnectedBehavior(DisconnectedBehavior.REJECT_COMMANDS).requestQueueSize(REQUEST_QUEUE_SIZE);
			if (properties.getTimeout() == null) {
				options.timeoutOptions(
						TimeoutOptions.builder().fixedTimeout(Duration.ofMillis(COMMAND_TIMEOUT_MILLIS)).build());
			}
			if (properties.getConnectTimeout() == null) {
				options.socketOptions(
						SocketOptions.builder().connectTimeout(Duration.ofMillis(CONNECT_TIMEOUT_MILLIS)).build());
			}
		};
	}

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	LettuceClientConfigurationBuilderCustomizer sessionStoreLettuceHandshakeTimeout(DataRedisProperties properties) {
		return (configuration) -> {
			if (properties.getTimeout() == null) {
				configuration.commandTimeout(Duration.ofMillis(HANDSHAKE_TIMEOUT_MILLIS));
			}
		};
	}

}
