package io.asyncmiddleware.detection.corpus.blocking.javaio;

/**
 * Hop 2 of the helper chain.
 */
final class Hop2 {
	private Hop2() {
	}

	static void record(String line) {
		Hop3.record(line + "/2");
	}

}
