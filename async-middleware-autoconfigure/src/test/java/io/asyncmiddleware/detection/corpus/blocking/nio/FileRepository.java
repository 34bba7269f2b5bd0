package io.asyncmiddleware.detection.corpus.blocking.nio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * Loads records of any type from a file, one per line.
 */
public class FileRepository<T> {
	private final Function<String, T> parser;

	public FileRepository(Function<String, T> parser) {
		this.parser = parser;
	}

	public List<T> load(Path path) {
		try {
			return Files.readAllLines(path).stream().map(this.parser).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
