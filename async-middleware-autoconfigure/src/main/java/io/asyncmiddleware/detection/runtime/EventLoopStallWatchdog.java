package io.asyncmiddleware.detection.runtime;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import io.asyncmiddleware.detection.Verdict;
import io.asyncmiddleware.metrics.EntryMetrics;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;
import org.springframework.util.Assert;

/**
 * Watches non-blocking threads for entries whose synchronous part holds the thread longer
 * than their budget, like Vert.x's blocked-thread checker but naming the entry. The
 * budget is the stall threshold, or a lower one for an entry whose verdict is not certain
 * (the scan could not follow every call, or did not analyse it): the run-time check is
 * the backstop for what the scan missed.
 *
 * <p>Two parts. The thread itself, when the entry lets go ({@link EventLoopHold#handBack}),
 * compares the hold with the budget and counts one over it in the entry's
 * {@link EntryMetrics}: exact, and done before the request goes on. A daemon thread
 * checks every half (lowest) budget, at least every 2 ms, and samples the stack of a hold
 * over budget while it lasts (at most one stack per entry a second): that is the evidence (logged at WARN with the top of the stack, at most once a
 * minute per entry, further ones at DEBUG; the wall-clock budget makes a preempted thread
 * look held too, so a loaded machine would otherwise fill the log) and what tells a cold
 * JVM from blocking:
 * <ul>
 * <li>a stack loading or linking classes ({@link ColdJvmFrames}) is a cold JVM, at any
 * time: counted as a warm-up hold, logged at DEBUG;</li>
 * <li>within the warm-up period after the start, or the entry's first
 * {@code warmUpRequests} requests, a hold whose stack shows no blocking call
 * ({@link BlockingFrames}) is the interpreter and JIT warming up (on few cores, the JIT's
 * threads preempt the event loop): also a warm-up hold;</li>
 * <li>a stack with no blocking call, of a thread that got less than a fifth of the CPU
 * since the previous check while it held, is the operating system preempting the thread (a
 * saturated CPU, more event loops than cores): counted as a stall, since the loop was held,
 * but logged at DEBUG without blaming the entry;</li>
 * <li>anything else is a stall.</li>
 * </ul>
 * A hold the daemon did not see (it ended before a check, or the process did not get the
 * CPU: a blocked entry leaves it to the daemon, a starved machine does not) is a warm-up
 * hold within the window, else a stall, logged at DEBUG only: without a stack there is
 * nothing to act on, and on an oversubscribed machine these are the OS preempting the loop.
 */
public final class EventLoopStallWatchdog implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(EventLoopStallWatchdog.class);

	private static final long WARN_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

	// a stack per entry per second is evidence enough (the WARN is once a minute): taking
	// one stops the held thread briefly, and on a machine whose loops are preempted holds
	// over a low budget come by the thousand
	private static final long SAMPLE_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

	// a thread that ran less than this share of the time since the previous check was
	// waiting for a CPU (or blocked, which its stack shows)
	private static final double PREEMPTED_CPU_SHARE = 0.2;

	// a shorter window says too little about the share
	private static final long MIN_CPU_WINDOW_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	private final long thresholdNanos;

	private final long uncertainBudgetNanos;

	private final long warmUpRequests;

	private final long warmUpPeriodNanos;

	// when the watchdog started: the warm-up period runs from there
	private volatile long startedAt;

	private final long checkIntervalNanos;

	private final Function<String, @Nullable EntryMetrics> metricsByEntry;

	// touched by the watchdog thread only
	private final Map<EventLoopHold, Episode> episodes = new HashMap<>();

	// when each entry was last reported at WARN
	private final Map<String, Long> lastWarned = new ConcurrentHashMap<>();

	// touched by the watchdog thread only: when each entry's stack was last taken
	private final Map<String, Long> lastSampled = new HashMap<>();

	// touched by the watchdog thread only: each held thread's CPU time at the last check
	private final Map<EventLoopHold, CpuMark> cpuMarks = new HashMap<>();

	// the CPU time a thread has used, in nanoseconds, or -1 when the JVM cannot tell
	private final ToLongFunction<Thread> cpuTime;

	// looked up once per entry: a hold over budget is counted on the event loop
	private final Map<String, EntryMetrics> metricsCache = new ConcurrentHashMap<>();

	private final Object lifecycleMonitor = new Object();

	private volatile @Nullable Thread thread;

	/**
	 * Create a watchdog whose budget is the threshold for every entry and that has no
	 * warm-up window; it checks nothing until {@link #start() started}.
	 * @param threshold how long an entry may hold a non-blocking thread
	 * @param metricsByEntry the metrics of an entry, by its name ({@code null} for an
	 * unknown name)
	 */
	public EventLoopStallWatchdog(Duration threshold, Function<String, @Nullable EntryMetrics> metricsByEntry) {
		this(threshold, threshold, Duration.ZERO, 0, metricsByEntry);
	}

	/**
	 * Create a watchdog; it checks nothing until {@link #start() started}.
	 * @param threshold how long an entry may hold a non-blocking thread
	 * @param uncertainBudget how long an entry whose verdict is not certain may hold it
	 * (at most the threshold)
	 * @param warmUpPeriod how long after the start a hold beyond budget without a
	 * blocking call on the stack is the JVM warming up, not a stall
	 * @param warmUpRequests the same for each entry's first requests
	 * @param metricsByEntry the metrics of an entry, by its name ({@code null} for an
	 * unknown name)
	 */
	public EventLoopStallWatchdog(Duration threshold, Duration uncertainBudget, Duration warmUpPeriod,
			long warmUpRequests, Function<String, @Nullable EntryMetrics> metricsByEntry) {
		this(threshold, uncertainBudget, warmUpPeriod, warmUpRequests, metricsByEntry,
				EventLoopStallWatchdog::threadCpuTime);
	}

	// the CPU time source is the JVM's, or a test's
	EventLoopStallWatchdog(Duration threshold, Duration uncertainBudget, Duration warmUpPeriod, long warmUpRequests,
			Function<String, @Nullable EntryMetrics> metricsByEntry, ToLongFunction<Thread> cpuTime) {
		Assert.isTrue(threshold != null && threshold.toNanos() > 0, "'threshold' must be positive");
		Assert.isTrue(uncertainBudget != null && uncertainBudget.toNanos() > 0, "'uncertainBudget' must be positive");
		Assert.isTrue(warmUpPeriod != null && !warmUpPeriod.isNegative(), "'warmUpPeriod' must not be negative");
		Assert.isTrue(warmUpRequests >= 0, "'warmUpRequests' must not be negative");
		Assert.notNull(metricsByEntry, "'metricsByEntry' must not be null");
		this.thresholdNanos = threshold.toNanos();
		this.uncertainBudgetNanos = Math.min(uncertainBudget.toNanos(), this.thresholdNanos);
		this.warmUpRequests = warmUpRequests;
		this.warmUpPeriodNanos = warmUpPeriod.toNanos();
		// at least 2 ms: waking more often costs an idle server more than it finds
		this.checkIntervalNanos = Math.max(TimeUnit.MILLISECONDS.toNanos(2), this.uncertainBudgetNanos / 2);
		this.metricsByEntry = metricsByEntry;
		this.cpuTime = cpuTime;
	}

	@SuppressWarnings("deprecation") // Thread.threadId() is JDK 19+; the code runs on 17
	private static long threadCpuTime(Thread thread) {
		try {
			return THREADS.isThreadCpuTimeSupported() ? THREADS.getThreadCpuTime(thread.getId()) : -1;
		}
		catch (UnsupportedOperationException ex) {
			return -1;
		}
	}

	/**
	 * How long an entry may hold a non-blocking thread before it is flagged.
	 * @return the threshold
	 */
	public Duration getThreshold() {
		return Duration.ofNanos(this.thresholdNanos);
	}

	/**
	 * How long an entry with a verdict of the given certainty may hold a non-blocking
	 * thread.
	 * @param certainty how sure the entry's verdict is
	 * @return the threshold when {@link Verdict.Certainty#HIGH high}, else the lower
	 * budget for uncertain verdicts
	 */
	public Duration budgetFor(Verdict.Certainty certainty) {
		return Duration.ofNanos((certainty == Verdict.Certainty.HIGH) ? this.thresholdNanos : this.uncertainBudgetNanos);
	}

	@Override
	public void start() {
		synchronized (this.lifecycleMonitor) {
			if (this.thread == null) {
				Thread watchdog = new Thread(this::watch, "async-middleware-stall-watchdog");
				watchdog.setDaemon(true);
				this.startedAt = System.nanoTime();
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
		this.episodes.clear();
		this.cpuMarks.clear();
	}

	void check(long now) {
		for (EventLoopHold hold : EventLoopHold.all()) {
			EventLoopHolder holder = hold.holder();
			long since = hold.since();
			Episode episode = this.episodes.get(hold);
			if (episode != null && (episode.holder != holder || episode.since != since)) {
				this.episodes.remove(hold);
				episode = null;
			}
			if (holder == null || holder.watchdog() != this) {
				this.cpuMarks.remove(hold);
				continue;
			}
			// the thread's CPU time while one of ours holds it (a few threads a check, at
			// most the event loops): what tells a preempted thread from a working one
			long cpu = this.cpuTime.applyAsLong(hold.thread());
			CpuMark mark = this.cpuMarks.put(hold, new CpuMark(since, now, cpu));
			long held = now - since;
			if (held <= holder.budgetNanos()) {
				continue;
			}
			if (episode == null) {
				episode = new Episode(holder, since);
				this.episodes.put(hold, episode);
			}
			if (episode.kind != HoldKind.STALL) {
				// a cold or preempted hold is looked at again: it may go on to block
				sample(hold, episode, held, now, cpuShare(mark, since, now, cpu), cpu >= 0);
			}
		}
		// threads that died
		this.episodes.keySet().removeIf((hold) -> !hold.thread().isAlive());
		this.cpuMarks.keySet().removeIf((hold) -> !hold.thread().isAlive());
	}

	/**
	 * The share of the time since the previous check that the thread ran, while the same
	 * hold lasted; -1 when unknown.
	 */
	private static double cpuShare(@Nullable CpuMark mark, long since, long now, long cpu) {
		if (mark == null || mark.since() != since || cpu < 0 || mark.cpu() < 0
				|| now - mark.at() < MIN_CPU_WINDOW_NANOS) {
			return -1;
		}
		return (double) (cpu - mark.cpu()) / (now - mark.at());
	}

	private void sample(EventLoopHold hold, Episode episode, long held, long now, double cpuShare,
			boolean cpuMeasurable) {
		EventLoopHolder holder = episode.holder;
		Long last = this.lastSampled.get(holder.entryName());
		boolean owedLook = episode.owedLook;
		episode.owedLook = false;
		if ((episode.kind == null || episode.kind == HoldKind.PREEMPTED) && !owedLook && last != null
				&& now - last < SAMPLE_INTERVAL_NANOS) {
			// this entry's stack was taken less than a second ago: counted when the hold
			// ends, as a hold not sampled (or as what its last sample showed). A hold whose
			// verdict was deferred is owed its second look: two stacks a second at most
			return;
		}
		this.lastSampled.put(holder.entryName(), now);
		Thread.State state = hold.thread().getState();
		List<StackTraceElement> stack = Arrays.asList(hold.thread().getStackTrace());
		if (hold.holder() != holder || hold.since() != episode.since) {
			// the entry let go while the stack was taken, which then shows what ran after
			// (often the idle event loop): nothing to learn from it
			return;
		}
		EntryMetrics metrics = metricsOf(holder);
		HoldKind kind;
		if (ColdJvmFrames.isLoadingOrLinking(stack, holder.entryClass())) {
			kind = HoldKind.COLD;
		}
		else if (BlockingFrames.isBlocking(state, stack)) {
			kind = HoldKind.STALL;
		}
		else if (inWarmUp(metrics)) {
			kind = HoldKind.WARM_UP;
		}
		else if (cpuShare < 0 && cpuMeasurable && !episode.deferred) {
			// first seen past its budget (the watchdog itself got no CPU in time, on a busy
			// machine): no CPU mark yet to tell working from preempted, so no verdict; the
			// next check has one and takes its look whatever the sampling rate
			episode.deferred = true;
			episode.owedLook = true;
			return;
		}
		else if (cpuShare >= 0 && cpuShare < PREEMPTED_CPU_SHARE) {
			kind = HoldKind.PREEMPTED;
		}
		else {
			kind = HoldKind.STALL;
		}
		hold.sample(new Sample(holder, episode.since, kind));
		if (kind == episode.kind) {
			return;
		}
		episode.kind = kind;
		String excerpt = StackExcerpt.of(stack, holder.entryClass());
		if (kind == HoldKind.STALL) {
			if (metrics != null) {
				metrics.stallStack(excerpt);
			}
			report(holder, hold.thread().getName() + " for " + TimeUnit.NANOSECONDS.toMillis(held) + " ms (budget "
					+ budget(holder) + "); " + excerpt, now);
		}
		else if (logger.isDebugEnabled()) {
			logger.debug("Entry " + holder + " held event loop " + hold.thread().getName() + " for "
					+ TimeUnit.NANOSECONDS.toMillis(held) + " ms (budget " + budget(holder) + ") " + explanation(kind,
							cpuShare)
					+ "; " + excerpt);
		}
	}

	/**
	 * A hold over budget ended: called on the held thread, before the request goes on.
	 * Counts it as a stall or a warm-up hold, from what the watchdog sampled (if it did).
	 */
	void holdEnded(EventLoopHold hold, EventLoopHolder holder, long since, long heldNanos) {
		if (this.thread == null) {
			// not started, or stopped with its context
			return;
		}
		EntryMetrics metrics = metricsOf(holder);
		if (metrics == null) {
			return;
		}
		Sample sample = hold.sampleOf(holder, since);
		HoldKind kind = (sample != null) ? sample.kind() : (inWarmUp(metrics) ? HoldKind.WARM_UP : HoldKind.STALL);
		if (kind == HoldKind.COLD || kind == HoldKind.WARM_UP) {
			metrics.warmUpHold();
			return;
		}
		metrics.stall(heldNanos);
		if (sample == null && logger.isDebugEnabled()) {
			// the watchdog did not run during the hold: it lasted less than a check interval,
			// or the process did not get the CPU (a sleeping entry leaves the CPU to the
			// watchdog; a starved machine does not). No stack, nothing to act on: DEBUG
			logger.debug("Entry " + holder + " held event loop " + Thread.currentThread().getName() + " for "
					+ String.format(java.util.Locale.ROOT, "%.1f", heldNanos / 1e6) + " ms (budget " + budget(holder)
					+ "); the watchdog did not sample the stack during the hold");
		}
	}

	private static String explanation(HoldKind kind, double cpuShare) {
		return switch (kind) {
			case COLD -> "while loading or linking classes (a cold JVM warming up, not blocking)";
			case WARM_UP -> "with no blocking call on the stack while warming up (the JIT compiling, not blocking)";
			default -> "but ran for only " + Math.round(cpuShare * 100) + "% of the time since the last check, with no "
					+ "blocking call on the stack: the operating system preempted the thread (the CPU is saturated, "
					+ "or there are more event loops than cores), not the entry blocking";
		};
	}

	private @Nullable EntryMetrics metricsOf(EventLoopHolder holder) {
		EntryMetrics metrics = this.metricsCache.get(holder.entryName());
		if (metrics == null) {
			metrics = this.metricsByEntry.apply(holder.entryName());
			if (metrics != null) {
				this.metricsCache.put(holder.entryName(), metrics);
			}
		}
		return metrics;
	}

	private boolean inWarmUp(@Nullable EntryMetrics metrics) {
		if (System.nanoTime() - this.startedAt < this.warmUpPeriodNanos) {
			return true;
		}
		return this.warmUpRequests > 0 && metrics != null && metrics.requestsStarted() <= this.warmUpRequests;
	}

	private void report(EventLoopHolder holder, String what, long now) {
		Long last = this.lastWarned.get(holder.entryName());
		boolean warn = last == null || now - last >= WARN_INTERVAL_NANOS;
		if (warn ? logger.isWarnEnabled() : logger.isDebugEnabled()) {
			String message = "Entry " + holder + " held event loop " + what;
			if (warn) {
				this.lastWarned.put(holder.entryName(), now);
				logger.warn(message);
			}
			else {
				logger.debug(message);
			}
		}
	}

	private String budget(EventLoopHolder holder) {
		long budget = holder.budgetNanos();
		String millis = (budget % 1_000_000 == 0) ? Long.toString(budget / 1_000_000)
				: String.format(java.util.Locale.ROOT, "%.1f", budget / 1e6);
		return millis + " ms" + ((budget < this.thresholdNanos) ? ", the verdict is not certain" : "");
	}

	/**
	 * What a hold over budget was.
	 */
	enum HoldKind {

		/** Loading or linking classes. */
		COLD,

		/** Within the entry's first requests, no blocking call on the stack. */
		WARM_UP,

		/** No blocking call on the stack, and the thread barely ran: the OS preempted it. */
		PREEMPTED,

		/** Something to act on. */
		STALL

	}

	/**
	 * What the watchdog made of one hold, for the held thread to count when it ends.
	 *
	 * @param holder the entry holding
	 * @param since when it started holding
	 * @param kind what the hold was, from its stack
	 */
	record Sample(EventLoopHolder holder, long since, HoldKind kind) {
	}

	/**
	 * A held thread's CPU time at a check.
	 *
	 * @param since when the hold it was taken in started
	 * @param at when it was taken
	 * @param cpu the thread's CPU time then, or -1
	 */
	private record CpuMark(long since, long at, long cpu) {
	}

	/**
	 * One hold over budget, while it lasts.
	 */
	private static final class Episode {

		private final EventLoopHolder holder;

		private final long since;

		private @Nullable HoldKind kind;

		// the first look came without a CPU reading to judge by: the next one decides,
		// and is owed to it whatever the sampling rate
		private boolean deferred;

		private boolean owedLook;

		Episode(EventLoopHolder holder, long since) {
			this.holder = holder;
			this.since = since;
		}

	}

}
