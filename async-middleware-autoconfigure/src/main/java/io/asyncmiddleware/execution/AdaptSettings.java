package io.asyncmiddleware.execution;

import java.time.Duration;

import org.springframework.util.Assert;

/**
 * The limits of one adapted entry's hops on the adapt scheduler.
 *
 * @param timeout the longest one hop may take, its wait for a worker thread included;
 * beyond it the request is answered 503 and the worker interrupted
 * @param retryAfter the value of the {@code Retry-After} header of that 503 (and of the
 * 503 sent when the adapt scheduler's queue is full)
 */
public record AdaptSettings(Duration timeout, Duration retryAfter) {

	/** Five seconds per hop, {@code Retry-After: 1}: the defaults of the properties. */
	public static final AdaptSettings DEFAULTS = new AdaptSettings(Duration.ofSeconds(5), Duration.ofSeconds(1));

	public AdaptSettings {
		Assert.isTrue(timeout != null && timeout.toNanos() > 0, "'timeout' must be positive");
		Assert.isTrue(retryAfter != null && !retryAfter.isNegative(), "'retryAfter' must not be negative");
	}

	/**
	 * The {@code Retry-After} value in whole seconds, rounded up.
	 * @return the seconds
	 */
	public long retryAfterSeconds() {
		long seconds = this.retryAfter.getSeconds();
		return (this.retryAfter.getNano() > 0) ? seconds + 1 : seconds;
	}

}
