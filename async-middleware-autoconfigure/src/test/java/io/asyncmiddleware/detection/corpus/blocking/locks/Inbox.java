package io.asyncmiddleware.detection.corpus.blocking.locks;

/**
 * Where messages come from.
 */
public interface Inbox {
	String next() throws InterruptedException;

}
