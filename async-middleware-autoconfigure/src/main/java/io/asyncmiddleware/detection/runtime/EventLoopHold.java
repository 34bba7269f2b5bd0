package io.asyncmiddleware.detection.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Collection;
import java.util.Collections;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import reactor.core.scheduler.Schedulers;

/**
 * Which entry runs synchronous code on one non-blocking thread (a Netty event loop, a
 * Reactor {@code parallel} thread), and since when. One per thread, created the first
 * time an entry runs there; written by its own thread with release stores (plain stores
 * on x86) and read by the {@link EventLoopStallWatchdog} and the BlockHound attribution.
 */
public final class EventLoopHold {

	private static final VarHandle HOLDER;

	private static final VarHandle SINCE;

	static {
		try {
			MethodHandles.Lookup lookup = MethodHandles.lookup();
			HOLDER = lookup.findVarHandle(EventLoopHold.class, "holder", EventLoopHolder.class);
			SINCE = lookup.findVarHandle(EventLoopHold.class, "since", long.class);
		}
		catch (ReflectiveOperationException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	private static final Set<EventLoopHold> ALL = ConcurrentHashMap.newKeySet();

	private static final ThreadLocal<EventLoopHold> CURRENT = ThreadLocal.withInitial(() -> {
		EventLoopHold hold = new EventLoopHold(Thread.currentThread());
		ALL.add(hold);
		return hold;
	});

	private final Thread thread;

	@SuppressWarnings("unused") // accessed through HOLDER
	private @Nullable EventLoopHolder holder;

	@SuppressWarnings("unused") // accessed through SINCE
	private long since;

	// what the watchdog made of the current hold, read by the thread when the hold ends
	private volatile EventLoopStallWatchdog.@Nullable Sample sample;

	private EventLoopHold(Thread thread) {
		this.thread = thread;
	}

	/**
	 * The hold of the current thread, when it is a non-blocking one.
	 * @return the hold, or {@code null} on any other thread (nothing to watch there)
	 */
	public static @Nullable EventLoopHold ofCurrentThread() {
		return Schedulers.isInNonBlockingThread() ? CURRENT.get() : null;
	}

	/**
	 * The holds of all non-blocking threads that ran an entry and are still alive.
	 * @return a live view
	 */
	static Collection<EventLoopHold> all() {
		ALL.removeIf((hold) -> !hold.thread.isAlive() && hold.holder() == null);
		return Collections.unmodifiableSet(ALL);
	}

	/**
	 * The entry now running synchronous code here.
	 * @return the holder, or {@code null} when no entry holds the thread
	 */
	public @Nullable EventLoopHolder holder() {
		return (EventLoopHolder) HOLDER.getAcquire(this);
	}

	/**
	 * When the current holder started holding the thread ({@link System#nanoTime()}).
	 * Read after {@link #holder()}, it is never older than that holder's start.
	 * @return the start
	 */
	public long since() {
		return (long) SINCE.getAcquire(this);
	}

	/**
	 * The entry starts (or resumes) running synchronous code on this thread.
	 * @param holder the entry, or {@code null} to release the thread
	 * @param since when it started ({@link System#nanoTime()})
	 */
	public void hold(@Nullable EventLoopHolder holder, long since) {
		// since first: a reader that sees the new holder sees its start too
		SINCE.setRelease(this, since);
		HOLDER.setRelease(this, holder);
	}

	/**
	 * Another holder (or none) takes the thread over from the current one, whose stretch
	 * of synchronous code ends here: it is checked against its budget on its own thread,
	 * so that a hold over budget is counted before the request goes on (the watchdog only
	 * samples the stack while a hold lasts). Costs a comparison.
	 * @param holder the entry now running synchronous code here, or {@code null} for code
	 * that is none of the stack's
	 * @param now when it starts ({@link System#nanoTime()})
	 */
	public void takeOver(@Nullable EventLoopHolder holder, long now) {
		check(now);
		hold(holder, now);
	}

	/**
	 * The current holder lets go and the thread goes back to {@code previous}, whose next
	 * stretch starts now; the holder leaving is checked against its budget as in
	 * {@link #takeOver}. Costs one {@link System#nanoTime()} and a comparison.
	 * @param previous the holder before, or {@code null}
	 */
	public void handBack(@Nullable EventLoopHolder previous) {
		long now = System.nanoTime();
		check(now);
		hold(previous, now);
	}

	// the stretch of the current holder ends at now
	private void check(long now) {
		// plain reads: this thread wrote both
		EventLoopHolder leaving = (EventLoopHolder) HOLDER.get(this);
		if (leaving != null) {
			long leavingSince = (long) SINCE.get(this);
			if (now - leavingSince > leaving.budgetNanos()) {
				EventLoopStallWatchdog watchdog = leaving.watchdog();
				if (watchdog != null) {
					watchdog.holdEnded(this, leaving, leavingSince, now - leavingSince);
				}
			}
		}
	}

	void sample(EventLoopStallWatchdog.Sample sample) {
		this.sample = sample;
	}

	/**
	 * What the watchdog made of the hold of {@code holder} since {@code since}, if it
	 * looked at it.
	 */
	EventLoopStallWatchdog.@Nullable Sample sampleOf(EventLoopHolder holder, long since) {
		EventLoopStallWatchdog.Sample current = this.sample;
		return (current != null && current.holder() == holder && current.since() == since) ? current : null;
	}

	/**
	 * No entry runs synchronous code on this thread any more.
	 */
	public void release() {
		HOLDER.setRelease(this, null);
	}

	/**
	 * Whether this is the hold of the thread calling.
	 * @return {@code true} on the hold's own thread
	 */
	public boolean isOfCurrentThread() {
		return this.thread == Thread.currentThread();
	}

	Thread thread() {
		return this.thread;
	}

}
