package io.asyncmiddleware.detection.corpus.blocking.nio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A base class with a helper that reads a file through a FileChannel.
 */
public abstract class ChannelReadingSupport {
	protected int readHead(Path path) throws IOException {
		try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
			return channel.read(ByteBuffer.allocate(4));
		}
	}

}
