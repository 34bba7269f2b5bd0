package io.asyncmiddleware.sample;

import java.sql.Connection;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.h2.api.Trigger;

/**
 * An H2 trigger that holds every audit insert until the test releases it, so that the
 * blocking audit filter stays inside its bulkhead for as long as a test needs.
 */
public class HoldingTrigger implements Trigger {

	static volatile CountDownLatch entered = new CountDownLatch(1);

	static volatile CountDownLatch release = new CountDownLatch(1);

	static void reset() {
		entered = new CountDownLatch(1);
		release = new CountDownLatch(1);
	}

	@Override
	public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws java.sql.SQLException {
		entered.countDown();
		try {
			// runs on the bulkhead's thread, never on an event loop
			release.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
