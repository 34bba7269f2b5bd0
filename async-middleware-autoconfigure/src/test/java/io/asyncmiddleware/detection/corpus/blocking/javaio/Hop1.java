package io.asyncmiddleware.detection.corpus.blocking.javaio;

/**
 * Hop 1 of the helper chain.
 */
final class Hop1 {
	private Hop1() {
	}

	static void record(String line) {
		Hop2.record(line + "/1");
	}

}
