package io.asyncmiddleware.detection.corpus.blocking.sleep;

/**
 * Slows callers down (first hop).
 */
final class Throttle {
	private Throttle() {
	}

	static void pause(String key) {
		Backoff.park(key.length());
	}

}
