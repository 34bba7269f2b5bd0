package io.asyncmiddleware.detection.corpus.blocking.locks;

/**
 * Messages from memory.
 */
public class MemoryInbox implements Inbox {
	@Override
	public String next() {
		return "memory";
	}

}
