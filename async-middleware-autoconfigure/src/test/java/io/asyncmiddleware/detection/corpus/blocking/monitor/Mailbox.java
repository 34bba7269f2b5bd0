package io.asyncmiddleware.detection.corpus.blocking.monitor;

/**
 * A base class whose synchronized method waits for mail.
 */
public abstract class Mailbox {
	protected synchronized void awaitMail() {
		try {
			wait(1);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
