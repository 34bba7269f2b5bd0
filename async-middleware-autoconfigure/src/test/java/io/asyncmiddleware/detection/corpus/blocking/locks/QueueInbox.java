package io.asyncmiddleware.detection.corpus.blocking.locks;

import io.asyncmiddleware.detection.corpus.support.CorpusResources;

/**
 * Takes messages from a blocking queue.
 */
public class QueueInbox implements Inbox {
	@Override
	public String next() throws InterruptedException {
		return CorpusResources.contender().queue().take();
	}

}
