package io.asyncmiddleware.detection.corpus.blocking.sleep;

import java.util.concurrent.locks.LockSupport;

/**
 * Parks the caller (second hop).
 */
final class Backoff {
	private Backoff() {
	}

	static void park(int weight) {
		LockSupport.parkNanos(1_000L + weight);
	}

}
