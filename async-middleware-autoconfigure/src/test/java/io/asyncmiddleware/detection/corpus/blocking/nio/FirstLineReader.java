package io.asyncmiddleware.detection.corpus.blocking.nio;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the first line of a file, by default with Files.newBufferedReader.
 */
public interface FirstLineReader {
	default String firstLine(Path path) {
		try (BufferedReader reader = Files.newBufferedReader(path)) {
			return reader.readLine();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
