package io.asyncmiddleware.metrics;

import java.time.Duration;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

import org.jspecify.annotations.Nullable;

/**
 * The live figures of one stack entry, kept lock-free so that recording costs a few
 * nanoseconds on the event loop. Read by the actuator endpoint and bound to Micrometer.
 *
 * <p>The composed chain records a request twice per entry: when it enters (for the
 * figure in flight) and once when it leaves the chain, from its timing record.
 */
public final class EntryMetrics {

	// in flight is started minus finished: one uncontended add each, no shared counter
	// going up and down
	private final LongAdder started = new LongAdder();

	private final LongAdder requests = new LongAdder();

	private final LongAdder errors = new LongAdder();

	private final LongAdder timeInEntryNanos = new LongAdder();

	private final LongAccumulator maxTimeInEntryNanos = new LongAccumulator(Math::max, 0);

	private final LongAdder workerHops = new LongAdder();

	private final LongAdder workerNanos = new LongAdder();

	private final LongAdder rejected = new LongAdder();

	private final LongAdder timedOut = new LongAdder();

	private final LongAdder abandonedHops = new LongAdder();

	private final LongAdder blockingCalls = new LongAdder();

	private final LongAdder stalls = new LongAdder();

	private final LongAccumulator maxStallNanos = new LongAccumulator(Math::max, 0);

	private final LongAdder warmUpHolds = new LongAdder();

	@Nullable
	private volatile String lastBlockingCall;

	@Nullable
	private volatile String lastBlockingCallStack;

	@Nullable
	private volatile String lastStallStack;

	// how long the entry may hold an event loop; 0 when nothing watches it
	private volatile long holdBudgetNanos;

	/**
	 * A request entered the entry.
	 */
	public void requestStarted() {
		this.started.increment();
	}

	/**
	 * A request left the entry.
	 * @param selfNanos time spent in the entry itself, excluding the rest of the chain
	 * @param error whether it ended in an error
	 */
	public void requestFinished(long selfNanos, boolean error) {
		this.requests.increment();
		if (error) {
			this.errors.increment();
		}
		this.timeInEntryNanos.add(selfNanos);
		this.maxTimeInEntryNanos.accumulate(selfNanos);
	}

	/**
	 * The entry's blocking work ran on a worker thread for a while.
	 * @param nanos the time on the worker
	 */
	public void workerHop(long nanos) {
		this.workerHops.increment();
		this.workerNanos.add(nanos);
	}

	/**
	 * The bulkhead turned a request away (503).
	 */
	public void rejected() {
		this.rejected.increment();
	}

	/**
	 * The entry's work outlived its timeout (503, late work interrupted).
	 */
	public void timedOut() {
		this.timedOut.increment();
	}

	/**
	 * A hop was given up (timed out or cancelled) while its thread was still in the
	 * entry's code: the thread was interrupted but has not returned yet, and keeps its
	 * worker (and bulkhead permit) until it does.
	 */
	public void abandonedHopStillRunning() {
		this.abandonedHops.increment();
	}

	/**
	 * The thread of a hop counted by {@link #abandonedHopStillRunning()} returned.
	 */
	public void abandonedHopReturned() {
		this.abandonedHops.decrement();
	}

	/**
	 * Run-time detection caught the entry blocking an event loop.
	 * @param description the blocking call, e.g. {@code java.lang.Thread.sleep}
	 */
	public void blockingCall(String description) {
		this.blockingCalls.increment();
		this.lastBlockingCall = description;
	}

	/**
	 * Run-time detection caught the entry blocking an event loop, and where.
	 * @param description the blocking call, e.g. {@code java.lang.Thread.sleep}
	 * @param stack the top of the stack that made it, and the entry's own frame
	 */
	public void blockingCall(String description, String stack) {
		this.lastBlockingCallStack = stack;
		blockingCall(description);
	}

	/**
	 * The entry held an event loop beyond its budget, and a warm JVM was not the
	 * explanation: something a user should act on.
	 * @param nanos how long the loop was held
	 */
	public void stall(long nanos) {
		this.stalls.increment();
		this.maxStallNanos.accumulate(nanos);
	}

	/**
	 * Where the entry was when the watchdog caught it holding an event loop beyond its
	 * budget (the top of the held thread's stack, and the entry's own frame).
	 * @param stack the excerpt
	 */
	public void stallStack(String stack) {
		this.lastStallStack = stack;
	}

	/**
	 * The entry held an event loop beyond its budget while the JVM was warming up
	 * (loading or linking classes, or within the entry's first requests with no blocking
	 * call on the stack): counted apart from {@link #stall stalls}.
	 */
	public void warmUpHold() {
		this.warmUpHolds.increment();
	}

	/**
	 * How long the entry may hold an event loop before the hold is reported (depends on
	 * how sure its verdict is).
	 * @param nanos the budget, 0 when holds are not watched
	 */
	public void holdBudget(long nanos) {
		this.holdBudgetNanos = nanos;
	}

	/**
	 * How many requests entered the entry so far (cheap enough for the watchdog, not for
	 * every request).
	 * @return the count
	 */
	public long requestsStarted() {
		return this.started.sum();
	}

	/**
	 * A consistent-enough copy of the figures for reporting.
	 * @return the snapshot
	 */
	public Snapshot snapshot() {
		long count = this.requests.sum();
		// read after the finished count, so never below it
		long inFlight = Math.max(0, this.started.sum() - count);
		long total = this.timeInEntryNanos.sum();
		return new Snapshot(count, this.errors.sum(), Duration.ofNanos((count > 0) ? total / count : 0),
				Duration.ofNanos(this.maxTimeInEntryNanos.get()), Duration.ofNanos(total), this.workerHops.sum(),
				Duration.ofNanos(this.workerNanos.sum()), inFlight, this.rejected.sum(),
				this.timedOut.sum(), this.blockingCalls.sum(), this.lastBlockingCall, this.stalls.sum(),
				Duration.ofNanos(this.maxStallNanos.get()), Math.max(0, this.abandonedHops.sum()),
				this.lastBlockingCallStack, this.lastStallStack, this.warmUpHolds.sum(),
				(this.holdBudgetNanos > 0) ? Duration.ofNanos(this.holdBudgetNanos) : null);
	}

	/**
	 * The figures of an entry at one moment.
	 *
	 * @param requests requests that went through the entry
	 * @param errors requests that ended in an error
	 * @param meanTimeInEntry mean time in the entry itself (the rest of the chain excluded)
	 * @param maxTimeInEntry the longest time in the entry itself
	 * @param totalTimeInEntry the total time in the entry itself
	 * @param workerHops hops to a worker thread (adapt and isolate)
	 * @param timeOnWorkers total time spent on worker threads
	 * @param inFlight requests inside the entry now
	 * @param rejected requests the bulkhead turned away (isolate)
	 * @param timedOut requests whose work outlived the timeout (adapt and isolate)
	 * @param blockingCalls blocking calls caught on an event loop at run time
	 * @param lastBlockingCall the last such call, or {@code null}
	 * @param stalls times the entry held an event loop beyond its hold budget, warm-up
	 * excluded
	 * @param maxStall the longest such hold
	 * @param abandonedHops hops given up (timed out or cancelled) whose thread has not
	 * returned yet: each still holds a worker thread, in isolate a bulkhead permit
	 * @param lastBlockingCallStack where the last blocking call was made, or {@code null}
	 * @param lastStallStack where the watchdog caught the entry in its last stall, or
	 * {@code null} (none, or the watchdog did not run during the hold)
	 * @param warmUpHolds holds beyond the budget put down to a cold JVM (class loading or
	 * linking, or the entry's first requests)
	 * @param holdBudget how long the entry may hold an event loop, or {@code null} when
	 * holds are not watched
	 */
	public record Snapshot(long requests, long errors, Duration meanTimeInEntry, Duration maxTimeInEntry,
			Duration totalTimeInEntry, long workerHops, Duration timeOnWorkers, long inFlight, long rejected,
			long timedOut, long blockingCalls, @Nullable String lastBlockingCall, long stalls, Duration maxStall,
			long abandonedHops, @Nullable String lastBlockingCallStack, @Nullable String lastStallStack,
			long warmUpHolds, @Nullable Duration holdBudget) {
	}

}
