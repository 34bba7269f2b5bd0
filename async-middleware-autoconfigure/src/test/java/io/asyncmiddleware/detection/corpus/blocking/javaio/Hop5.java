package io.asyncmiddleware.detection.corpus.blocking.javaio;

import java.io.FileWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

import io.asyncmiddleware.detection.corpus.support.CorpusResources;

/**
 * The last hop: appends to a file.
 */
final class Hop5 {
	private Hop5() {
	}

	static void record(String line) {
		try (Writer writer = new FileWriter(CorpusResources.directory().resolve("audit.log").toFile(), true)) {
			writer.write(line);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
