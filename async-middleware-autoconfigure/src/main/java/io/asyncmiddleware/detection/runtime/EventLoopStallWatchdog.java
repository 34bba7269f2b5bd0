package io.asyncmiddleware.detection.runtime;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

import io.asyncmiddleware.metrics.EntryMetrics;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;
import org.springframework.util.Assert;

/**
 * Watches non-blocking threads for entries whose synchronous part holds the thread longer
 * than a threshold, like Vert.x's blocked-thread checker but naming the entry. A daemon
 * thread checks every half threshold; each stall episode is counted in the entry's
 * {@link EntryMetrics} when it ends, with the longest hold observed, and logged at WARN
 * with the top of the held thread's stack, at most once a minute per entry (further
 * episodes within the minute at DEBUG): the threshold is wall-clock time, so a loaded
 * machine that preempts a loop thread would otherwise fill the log.
 *
 * <p>A stall whose stack shows class loading or linking (a class defined, a lambda or
 * string concatenation bootstrapped, a method handle linked) is what a cold JVM does on
 * its first requests, not blocking: it is counted but logged at DEBUG, and only WARNed
 * if the same hold is later seen doing something else. See {@link ColdJvmFrames}.
 */
public final class EventLoopStallWatchdog implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(EventLoopStallWatchdog.class);

	private final long thresholdNanos;

	private final long checkIntervalNanos;

	private final Function<String, EntryMetrics> metricsByEntry;

	private static final long WARN_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

	// touched by the watchdog thread only
	private final Map<EventLoopHold, Episode> episodes = new HashMap<>();

	// touched by the watchdog thread only: when each entry was last reported at WARN
	private final Map<String, Long> lastWarned = new HashMap<>();

	private final Object lifecycleMonitor = new Object();

	private volatile @Nullable Thread thread;

	/**
	 * Create a watchdog; it checks nothing until {@link #start() started}.
	 * @param threshold how long an entry may hold a non-blocking thread
	 * @param metricsByEntry the metrics of an entry, by its name ({@code null} for an
	 * unknown name)
	 */
	public EventLoopStallWatchdog(Duration threshold, Function<String, EntryMetrics> metricsByEntry) {
		Assert.isTrue(threshold != null && threshold.toNanos() > 0, "'threshold' must be positive");
		Assert.notNull(metricsByEntry, "'metricsByEntry' must not be null");
		this.thresholdNanos = threshold.toNanos();
		this.checkIntervalNanos = Math.max(TimeUnit.MILLISECONDS.toNanos(1), this.thresholdNanos / 2);
		this.metricsByEntry = metricsByEntry;
	}

	/**
	 * How long an entry may hold a non-blocking thread before it is flagged.
	 * @return the threshold
	 */
	public Duration getThreshold() {
		return Duration.ofNanos(this.thresholdNanos);
	}

	@Override
	public void start() {
		synchronized (this.lifecycleMonitor) {
			if (this.thread == null) {
				Thread watchdog = new Thread(this::watch, "async-middleware-stall-watchdog");
				watchdog.setDaemon(true);
				this.thread = watchdog;
				watchdog.start();
			}
		}
	}

	@Override
	public void stop() {
		Thread watchdog;
		synchronized (this.lifecycleMonitor) {
			watchdog = this.thread;
			this.thread = null;
		}
		if (watchdog != null) {
			watchdog.interrupt();
			try {
				watchdog.join(TimeUnit.NANOSECONDS.toMillis(this.checkIntervalNanos) + 1000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.thread != null;
	}

	private void watch() {
		Thread self = Thread.currentThread();
		while (this.thread == self && !self.isInterrupted()) {
			LockSupport.parkNanos(this, this.checkIntervalNanos);
			check(System.nanoTime());
		}
		// a stall in progress at shutdown still counts
		this.episodes.values().forEach(this::record);
		this.episodes.clear();
	}

	void check(long now) {
		for (EventLoopHold hold : EventLoopHold.all()) {
			EventLoopHolder holder = hold.holder();
			long since = hold.since();
			Episode episode = this.episodes.get(hold);
			if (episode != null && (episode.holder != holder || episode.since != since)) {
				this.episodes.remove(hold);
				record(episode);
				episode = null;
			}
			if (holder == null || holder.watchdog() != this) {
				continue;
			}
			long held = now - since;
			if (held < this.thresholdNanos) {
				continue;
			}
			if (episode == null) {
				episode = new Episode(holder, since, held);
				this.episodes.put(hold, episode);
			}
			else {
				episode.heldNanos = held;
			}
			if (!episode.reported) {
				report(hold, episode, now);
			}
		}
		// episodes of threads that died while held
		for (Iterator<Map.Entry<EventLoopHold, Episode>> it = this.episodes.entrySet().iterator(); it.hasNext();) {
			Map.Entry<EventLoopHold, Episode> entry = it.next();
			if (!entry.getKey().thread().isAlive()) {
				it.remove();
				record(entry.getValue());
			}
		}
	}

	private void report(EventLoopHold hold, Episode episode, long now) {
		EventLoopHolder holder = episode.holder;
		List<StackTraceElement> stack = Arrays.asList(hold.thread().getStackTrace());
		if (hold.holder() != holder || hold.since() != episode.since) {
			// the entry let go while the stack was taken, which then shows what ran after
			// (often the idle event loop): no report from it; the episode still counts
			return;
		}
		if (ColdJvmFrames.isLoadingOrLinking(stack, holder.entryClass())) {
			if (!episode.coldLogged && logger.isDebugEnabled()) {
				logger.debug("Entry " + holder + " held event loop " + hold.thread().getName() + " for "
						+ TimeUnit.NANOSECONDS.toMillis(episode.heldNanos) + " ms while loading or linking classes "
						+ "(a cold JVM warming up, not blocking); " + StackExcerpt.of(stack, holder.entryClass()));
			}
			episode.coldLogged = true;
			return;
		}
		episode.reported = true;
		warn(hold, holder, episode.heldNanos, now, stack);
	}

	private void warn(EventLoopHold hold, EventLoopHolder holder, long heldNanos, long now,
			List<StackTraceElement> stack) {
		Long last = this.lastWarned.get(holder.entryName());
		boolean warn = last == null || now - last >= WARN_INTERVAL_NANOS;
		if (warn ? logger.isWarnEnabled() : logger.isDebugEnabled()) {
			if (warn) {
				this.lastWarned.put(holder.entryName(), now);
			}
			Thread thread = hold.thread();
			String message = ("Entry " + holder + " held event loop " + thread.getName() + " for "
					+ TimeUnit.NANOSECONDS.toMillis(heldNanos) + " ms (threshold "
					+ TimeUnit.NANOSECONDS.toMillis(this.thresholdNanos) + " ms); "
					+ StackExcerpt.of(stack, holder.entryClass()));
			if (warn) {
				logger.warn(message);
			}
			else {
				logger.debug(message);
			}
		}
	}

	private void record(Episode episode) {
		EntryMetrics metrics = this.metricsByEntry.apply(episode.holder.entryName());
		if (metrics != null) {
			metrics.stall(episode.heldNanos);
		}
	}

	/**
	 * One flagged hold of a thread by an entry, until the entry lets go.
	 */
	private static final class Episode {

		private final EventLoopHolder holder;

		private final long since;

		private long heldNanos;

		/** Whether it was logged as a stall (WARN, or DEBUG within the minute). */
		private boolean reported;

		/** Whether it was logged as class loading or linking. */
		private boolean coldLogged;

		Episode(EventLoopHolder holder, long since, long heldNanos) {
			this.holder = holder;
			this.since = since;
			this.heldNanos = heldNanos;
		}

	}

}
