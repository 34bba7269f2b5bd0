package io.asyncmiddleware.execution;

import java.time.Duration;

import org.springframework.util.Assert;

/**
 * The limits of one isolated entry's {@link Bulkhead}.
 *
 * @param maxConcurrent how many of the entry's blocking hops may run at once
 * @param maxQueued how many hops may wait for a free slot; beyond that, requests are
 * answered 503 at once
 * @param timeout the longest one hop may take, waiting in the queue included
 * @param retryAfter the value of the {@code Retry-After} header of a 503
 * @param virtualThreads whether to run hops on virtual threads when the JDK has them (21+)
 */
public record BulkheadSettings(int maxConcurrent, int maxQueued, Duration timeout, Duration retryAfter,
		boolean virtualThreads) {

	public BulkheadSettings {
		Assert.isTrue(maxConcurrent > 0, "'maxConcurrent' must be greater than 0");
		Assert.isTrue(maxQueued >= 0, "'maxQueued' must not be negative");
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
