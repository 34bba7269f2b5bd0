package io.asyncmiddleware.middleware.session;

import java.net.ConnectException;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisException;
import org.junit.jupiter.api.Test;

import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.data.redis.serializer.SerializationException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which store failures are an outage (503) and which are left alone.
 */
class SessionStoreUnavailableExceptionTests {

	@Test
	void outages() {
		assertThat(SessionStoreUnavailableException
			.isUnavailability(new RedisConnectionFailureException("Unable to connect to Redis"))).isTrue();
		assertThat(SessionStoreUnavailableException.isUnavailability(
				new QueryTimeoutException("Redis command timed out", new RedisCommandTimeoutException("timed out"))))
			.isTrue();
		// Lettuce's own refusals while reconnecting, as Spring Data wraps them
		assertThat(SessionStoreUnavailableException.isUnavailability(new RedisSystemException("Unknown redis exception",
				new RedisException("Currently not connected. Commands are rejected."))))
			.isTrue();
		assertThat(SessionStoreUnavailableException
			.isUnavailability(new IllegalStateException(new ConnectException("Connection refused")))).isTrue();
	}

	@Test
	void notOutages() {
		assertThat(SessionStoreUnavailableException.isUnavailability(new RedisSystemException("Error in execution",
				new RedisCommandExecutionException("WRONGTYPE Operation against a key holding the wrong kind of value"))))
			.isFalse();
		assertThat(SessionStoreUnavailableException.isUnavailability(new SerializationException("Cannot deserialize")))
			.isFalse();
		assertThat(SessionStoreUnavailableException.isUnavailability(new IllegalStateException("bug"))).isFalse();
	}

	@Test
	void loopingCauseChainsEnd() {
		IllegalStateException first = new IllegalStateException("first");
		IllegalStateException second = new IllegalStateException("second", first);
		first.initCause(second);
		assertThat(SessionStoreUnavailableException.isUnavailability(first)).isFalse();
	}

}
