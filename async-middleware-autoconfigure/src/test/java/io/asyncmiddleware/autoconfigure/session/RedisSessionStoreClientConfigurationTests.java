package io.asyncmiddleware.autoconfigure.session;

import java.time.Duration;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.ClientOptions.DisconnectedBehavior;
import io.lettuce.core.TimeoutOptions;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableReactiveWebApplicationContext;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Lettuce defaults applied when sessions are in Redis; Boot's properties and the
 * application's customizers win.
 */
class RedisSessionStoreClientConfigurationTests {

	private final ReactiveWebApplicationContextRunner contextRunner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SessionMiddlewareAutoConfiguration.class, DataRedisAutoConfiguration.class));

	@Test
	void shortTimeoutsAndBoundedQueueByDefault() {
		this.contextRunner.run((context) -> {
			LettuceClientConfiguration configuration = clientConfiguration(context);
			// the connection's default: its handshake
			assertThat(configuration.getCommandTimeout()).isEqualTo(Duration.ofSeconds(5));
			ClientOptions options = configuration.getClientOptions().orElseThrow();
			assertThat(commandTimeout(options)).isEqualTo(Duration.ofMillis(500));
			assertThat(options.getDisconnectedBehavior()).isEqualTo(DisconnectedBehavior.REJECT_COMMANDS);
			assertThat(options.getRequestQueueSize()).isEqualTo(10_000);
			assertThat(options.getSocketOptions().getConnectTimeout()).isEqualTo(Duration.ofSeconds(1));
			// command timeouts apply to the reactive API too
			assertThat(options.getTimeoutOptions().isTimeoutCommands()).isTrue();
		});
	}

	@Test
	void bootPropertiesWin() {
		this.contextRunner.withPropertyValues("spring.data.redis.timeout=3s", "spring.data.redis.connect-timeout=7s")
			.run((context) -> {
				LettuceClientConfiguration configuration = clientConfiguration(context);
				assertThat(configuration.getCommandTimeout()).isEqualTo(Duration.ofSeconds(3));
				ClientOptions options = configuration.getClientOptions().orElseThrow();
				assertThat(options.getSocketOptions().getConnectTimeout()).isEqualTo(Duration.ofSeconds(7));
				// Boot's TimeoutOptions.enabled(): commands take the connection's timeout
				assertThat(options.getTimeoutOptions().isApplyConnectionTimeout()).isTrue();
				assertThat(options.getDisconnectedBehavior()).isEqualTo(DisconnectedBehavior.REJECT_COMMANDS);
			});
	}

	@Test
	void applicationCustomizersWin() {
		this.contextRunner
			.withBean(LettuceClientOptionsBuilderCustomizer.class,
					() -> (options) -> options.disconnectedBehavior(DisconnectedBehavior.ACCEPT_COMMANDS)
						.requestQueueSize(50))
			.run((context) -> {
				ClientOptions options = clientConfiguration(context).getClientOptions().orElseThrow();
				assertThat(options.getDisconnectedBehavior()).isEqualTo(DisconnectedBehavior.ACCEPT_COMMANDS);
				assertThat(options.getRequestQueueSize()).isEqualTo(50);
			});
	}

	@Test
	void notAppliedWithoutRedisSessions() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.session.data.redis"))
			.run((context) -> {
				LettuceClientConfiguration configuration = clientConfiguration(context);
				assertThat(configuration.getCommandTimeout()).isEqualTo(Duration.ofSeconds(60));
				assertThat(configuration.getClientOptions().orElseThrow().getDisconnectedBehavior())
					.isEqualTo(DisconnectedBehavior.DEFAULT);
			});
	}

	@Test
	void notAppliedWithJedis() {
		this.contextRunner.withPropertyValues("spring.data.redis.client-type=jedis")
			.run((context) -> assertThat(context).doesNotHaveBean(LettuceClientOptionsBuilderCustomizer.class));
	}

	private static Duration commandTimeout(ClientOptions options) {
		TimeoutOptions.TimeoutSource source = options.getTimeoutOptions().getSource();
		return Duration.of(source.getTimeout(null), source.getTimeUnit().toChronoUnit());
	}

	private static LettuceClientConfiguration clientConfiguration(AssertableReactiveWebApplicationContext context) {
		assertThat(context).hasNotFailed();
		return context.getBean(LettuceConnectionFactory.class).getClientConfiguration();
	}

}
