package io.asyncmiddleware.execution;

import io.asyncmiddleware.metrics.EntryMetrics;

/**
 * A {@link Bulkhead} did not run a hop: it was full, or the hop outlived its timeout.
 * Isolated entries answer it with {@code 503 Service Unavailable} and
 * {@code Retry-After}.
 */
public class BulkheadRejectedException extends RuntimeException {

	private final String entryName;

	private final Reason reason;

	private final long retryAfterSeconds;

	BulkheadRejectedException(String entryName, Reason reason, long retryAfterSeconds) {
		super(message(entryName, reason), null, false, false);
		this.entryName = entryName;
		this.reason = reason;
		this.retryAfterSeconds = retryAfterSeconds;
	}

	private static String message(String entryName, Reason reason) {
		return switch (reason) {
			case FULL -> "Middleware '" + entryName + "' is at capacity (its bulkhead and queue are full)";
			case TIMED_OUT -> "Middleware '" + entryName + "' did not finish within its timeout";
		};
	}

	/**
	 * The entry whose bulkhead rejected the hop.
	 * @return the entry name
	 */
	public String getEntryName() {
		return this.entryName;
	}

	/**
	 * Why the hop did not run.
	 * @return the reason
	 */
	public Reason getReason() {
		return this.reason;
	}

	/**
	 * The value of the {@code Retry-After} header to answer with.
	 * @return seconds
	 */
	public long getRetryAfterSeconds() {
		return this.retryAfterSeconds;
	}

	/**
	 * Counts this rejection in the entry's figures.
	 * @param metrics the entry's figures
	 */
	void countIn(EntryMetrics metrics) {
		if (this.reason == Reason.FULL) {
			metrics.rejected();
		}
		else {
			metrics.timedOut();
		}
	}

	/**
	 * Why a bulkhead did not run a hop.
	 */
	public enum Reason {

		/** All permits taken and the queue full: the hop never ran. */
		FULL,

		/** The hop waited and ran longer than the timeout: it was cancelled. */
		TIMED_OUT

	}

}
