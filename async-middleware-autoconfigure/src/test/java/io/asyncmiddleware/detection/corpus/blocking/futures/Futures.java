package io.asyncmiddleware.detection.corpus.blocking.futures;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * A generic helper that waits for any future.
 */
final class Futures {
	private Futures() {
	}

	static <T> T await(Future<T> future) {
		try {
			return future.get();
		}
		catch (InterruptedException | ExecutionException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
