package io.asyncmiddleware.detection.corpus.blocking.javaio;

/**
 * Hop 3 of the helper chain.
 */
final class Hop3 {
	private Hop3() {
	}

	static void record(String line) {
		Hop4.record(line + "/3");
	}

}
