package io.asyncmiddleware.detection.corpus.blocking.javaio;

/**
 * Hop 4 of the helper chain.
 */
final class Hop4 {
	private Hop4() {
	}

	static void record(String line) {
		Hop5.record(line + "/4");
	}

}
