package io.asyncmiddleware.execution;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.asyncmiddleware.metrics.EntryMetrics;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.scheduler.Schedulers;

/**
 * Keeps count of an entry's hops that were given up (timed out or cancelled) while their
 * thread was still in the entry's code. Such a thread was interrupted; code that ignores
 * interrupts keeps it, and in {@code isolate} its bulkhead permit, until it returns. The
 * count goes to the entry's figures ({@link EntryMetrics#abandonedHopStillRunning()}),
 * and a WARN naming the entry is logged, at most once per interval, when such a hop is
 * still running a moment after it was interrupted.
 */
final class AbandonedHops {

	private static final Log logger = LogFactory.getLog(AbandonedHops.class);

	/** Time a hop gets to honour its interrupt before it counts as ignoring it in the log. */
	static final Duration GRACE = Duration.ofSeconds(1);

	/** At most one WARN per entry in this interval. */
	static final Duration WARN_INTERVAL = Duration.ofMinutes(1);

	private static final long NEVER = Long.MIN_VALUE;

	private final String entryName;

	private final EntryMetrics metrics;

	private final Duration grace;

	private final long warnIntervalNanos;

	/** {@code System.nanoTime()} of the last WARN, or {@link #NEVER}. */
	private final AtomicLong lastWarning = new AtomicLong(NEVER);

	AbandonedHops(String entryName, EntryMetrics metrics) {
		this(entryName, metrics, GRACE, WARN_INTERVAL);
	}

	AbandonedHops(String entryName, EntryMetrics metrics, Duration grace, Duration warnInterval) {
		this.entryName = entryName;
		this.metrics = metrics;
		this.grace = grace;
		this.warnIntervalNanos = warnInterval.toNanos();
	}

	/**
	 * A new hop's life: not started, running, returned, or given up.
	 * @return the tracker of one hop
	 */
	Tracker track() {
		return new Tracker();
	}

	private void abandonedWhileRunning(Tracker tracker) {
		this.metrics.abandonedHopStillRunning();
		Schedulers.parallel().schedule(() -> {
			if (tracker.get() == Tracker.ABANDONED) {
				warn();
			}
		}, this.grace.toNanos(), TimeUnit.NANOSECONDS);
	}

	private void warn() {
		long now = System.nanoTime();
		long last = this.lastWarning.get();
		// one compare-and-set decides: of hops giving up together, only one logs
		if ((last != NEVER && now - last < this.warnIntervalNanos) || !this.lastWarning.compareAndSet(last, now)) {
			return;
		}
		logger.warn("Middleware entry '" + this.entryName + "' has " + this.metrics.snapshot().abandonedHops()
				+ " hop(s) that outlived their timeout (or were cancelled) and ignore the interrupt: each keeps "
				+ "a worker thread (and, in isolate mode, a bulkhead permit) until its code returns. Make the "
				+ "entry's blocking calls time out (JDBC query timeout, HTTP read timeout) or honour interrupts. "
				+ "(Logged at most once a minute per entry.)");
	}

	/**
	 * The life of one hop, a compare-and-set per change.
	 */
	final class Tracker extends AtomicInteger {

		private static final int NEW = 0;

		private static final int RUNNING = 1;

		private static final int RETURNED = 2;

		private static final int ABANDONED = 3;

		/**
		 * The hop's thread starts the work.
		 * @return {@code false} if the hop was already given up: do not run it
		 */
		boolean start() {
			return compareAndSet(NEW, RUNNING);
		}

		/**
		 * The hop's thread is back from the entry's code.
		 */
		void returned() {
			if (!compareAndSet(RUNNING, RETURNED) && compareAndSet(ABANDONED, RETURNED)) {
				AbandonedHops.this.metrics.abandonedHopReturned();
			}
		}

		/**
		 * The hop was given up (timed out, cancelled); its thread, if any, was interrupted.
		 */
		void abandon() {
			if (compareAndSet(RUNNING, ABANDONED)) {
				abandonedWhileRunning(this);
			}
			else {
				compareAndSet(NEW, RETURNED);
			}
		}

	}

}
