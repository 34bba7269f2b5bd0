package io.asyncmiddleware.detection.corpus.blocking.futures;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Adds waiting to whoever implements it.
 */
public interface Awaiting {
	default String awaitLater() {
		return CompletableFuture.supplyAsync(() -> "later", CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS))
			.join();
	}

}
