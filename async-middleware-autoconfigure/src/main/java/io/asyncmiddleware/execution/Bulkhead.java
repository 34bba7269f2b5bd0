package io.asyncmiddleware.execution;

import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.scheduler.Schedulers;

import org.springframework.util.Assert;

/**
 * The bulkhead of one isolated entry: its own threads, a concurrency limit, a bounded
 * queue and a timeout per hop. A hop is one short piece of the entry's blocking work
 * (the way in, the way out, one sync hook); the rest of the chain never holds a permit.
 *
 * <p>Admission rules, all lock-free (no caller, event loop or not, ever parks):
 * <ul>
 * <li>A hop takes a permit with a compare-and-set on the permit count and is handed to
 * the bulkhead's executor at once. There are {@code maxConcurrent} permits.</li>
 * <li>With no permit free, the hop reserves one of {@code maxQueued} queue slots (again
 * a compare-and-set) and waits in a lock-free queue as a Reactor sink: no thread waits
 * with it.</li>
 * <li>With no slot free either, the hop fails at once with
 * {@link BulkheadRejectedException} ({@code FULL}); its work never runs.</li>
 * <li>Later hops of a request already admitted ({@link #resume}) are never rejected as
 * full: they wait ahead of new requests, outside the queue limit, so that a request let
 * in is not turned away half-way (its response may already be on its way).</li>
 * <li>A permit is returned when a hop's work returns, just before its result is
 * signalled (so the same request's next hop finds it free), and the oldest waiting hop
 * is started with it (FIFO). A timed-out hop keeps its permit until its thread really
 * stops, so the concurrency limit bounds threads actually busy.</li>
 * <li>The timeout counts from admission, the wait in the queue included. A hop that
 * outlives it fails with {@link BulkheadRejectedException} ({@code TIMED_OUT}); a
 * waiting hop leaves the queue, a running one is interrupted and its result dropped.
 * Cancelling the returned {@code Mono} does the same without the error.</li>
 * </ul>
 *
 * <p>Threads: one virtual thread per hop on JDK 21+ (when
 * {@link BulkheadSettings#virtualThreads()}), else a pool of {@code maxConcurrent}
 * platform threads; both named {@code am-<entry>-N}.
 */
public final class Bulkhead implements Disposable {

	private static final int NEW = -1;

	private static final int WAITING = 0;

	private static final int RUNNING = 1;

	private static final int DONE = 2;

	private final String entryName;

	private final BulkheadSettings settings;

	private final ExecutorService executor;

	private final AtomicInteger permits;

	private final AtomicInteger queued = new AtomicInteger();

	private final ConcurrentLinkedQueue<Hop<?>> waiting = new ConcurrentLinkedQueue<>();

	private final ConcurrentLinkedQueue<Hop<?>> resuming = new ConcurrentLinkedQueue<>();

	private volatile boolean disposed;

	private Bulkhead(String entryName, BulkheadSettings settings, ExecutorService executor) {
		this.entryName = entryName;
		this.settings = settings;
		this.executor = executor;
		this.permits = new AtomicInteger(settings.maxConcurrent());
	}

	/**
	 * Creates the bulkhead of an entry and its threads.
	 * @param entryName the entry's name, used in thread names and 503 reasons
	 * @param settings the limits
	 * @return a new bulkhead; dispose of it to stop its threads
	 */
	public static Bulkhead create(String entryName, BulkheadSettings settings) {
		Assert.hasText(entryName, "'entryName' must not be empty");
		Assert.notNull(settings, "'settings' must not be null");
		return new Bulkhead(entryName, settings, BulkheadThreads.create(entryName, settings));
	}

	/**
	 * Runs one hop of blocking work in the bulkhead. Nothing runs until subscription;
	 * the result is signalled on the bulkhead's thread.
	 * @param work the blocking work; a {@code null} result completes empty
	 * @param <T> the result type
	 * @return the result, or an error: the work's failure, or a
	 * {@link BulkheadRejectedException} when full or timed out
	 */
	public <T> Mono<T> call(Callable<? extends @Nullable T> work) {
		return hop(work, false);
	}

	/**
	 * Runs a later hop of a request the bulkhead already admitted (the way out of an
	 * entry, a before-commit action, a later sync hook). It is never rejected as full:
	 * with no permit free it waits ahead of new requests, beyond the queue limit, so
	 * that admitted requests finish before new ones start. The timeout still applies.
	 * @param work the blocking work; a {@code null} result completes empty
	 * @param <T> the result type
	 * @return the result, or an error: the work's failure, or a
	 * {@link BulkheadRejectedException} when timed out
	 */
	public <T> Mono<T> resume(Callable<? extends @Nullable T> work) {
		return hop(work, true);
	}

	private <T> Mono<T> hop(Callable<? extends @Nullable T> work, boolean resumingRequest) {
		return Mono.create((sink) -> {
			Hop<T> hop = new Hop<>(work, sink, resumingRequest);
			sink.onCancel(hop::cancel);
			admit(hop);
		});
	}

	/**
	 * The entry this bulkhead belongs to.
	 * @return the entry name
	 */
	public String getEntryName() {
		return this.entryName;
	}

	/**
	 * The limits of this bulkhead.
	 * @return the settings
	 */
	public BulkheadSettings getSettings() {
		return this.settings;
	}

	/**
	 * Permits free now.
	 * @return between 0 and {@code maxConcurrent}
	 */
	public int getAvailablePermits() {
		return Math.max(0, this.permits.get());
	}

	/**
	 * Hops waiting for a permit now.
	 * @return between 0 and {@code maxQueued}
	 */
	public int getQueued() {
		return this.queued.get();
	}

	/**
	 * Whether hops run on virtual threads.
	 * @return {@code false} on JDK 17-20 or when virtual threads are switched off
	 */
	public boolean isVirtual() {
		return !(this.executor instanceof ThreadPoolExecutor);
	}

	@Override
	public void dispose() {
		this.disposed = true;
		this.executor.shutdownNow();
		for (Hop<?> hop = this.resuming.poll(); hop != null; hop = this.resuming.poll()) {
			hop.fail(BulkheadRejectedException.Reason.FULL, WAITING);
		}
		for (Hop<?> hop = this.waiting.poll(); hop != null; hop = this.waiting.poll()) {
			hop.fail(BulkheadRejectedException.Reason.FULL, WAITING);
		}
	}

	@Override
	public boolean isDisposed() {
		return this.disposed;
	}

	private void admit(Hop<?> hop) {
		if (this.disposed) {
			hop.fail(BulkheadRejectedException.Reason.FULL, NEW);
			return;
		}
		if (tryAcquire()) {
			if (!hop.state.compareAndSet(NEW, RUNNING)) {
				// cancelled while being admitted
				release();
				return;
			}
			hop.startTimer();
			submit(hop);
			return;
		}
		if (hop.resumingRequest) {
			if (!hop.state.compareAndSet(NEW, WAITING)) {
				return;
			}
			hop.startTimer();
			this.resuming.offer(hop);
			drain();
			return;
		}
		if (!tryReserveQueueSlot()) {
			hop.fail(BulkheadRejectedException.Reason.FULL, NEW);
			return;
		}
		if (!hop.state.compareAndSet(NEW, WAITING)) {
			this.queued.decrementAndGet();
			return;
		}
		hop.startTimer();
		this.waiting.offer(hop);
		// a permit may have been returned between tryAcquire and offer: look again
		drain();
	}

	private boolean tryAcquire() {
		for (;;) {
			int free = this.permits.get();
			if (free <= 0) {
				return false;
			}
			if (this.permits.compareAndSet(free, free - 1)) {
				return true;
			}
		}
	}

	private boolean tryReserveQueueSlot() {
		for (;;) {
			int count = this.queued.get();
			if (count >= this.settings.maxQueued()) {
				return false;
			}
			if (this.queued.compareAndSet(count, count + 1)) {
				return true;
			}
		}
	}

	private void release() {
		this.permits.incrementAndGet();
		drain();
	}

	/**
	 * Hands free permits to waiting hops: admitted requests resuming first, then new
	 * ones, oldest first. Called after every release and every enqueue, so a permit and
	 * a waiting hop never stay apart.
	 */
	private void drain() {
		while ((!this.resuming.isEmpty() || !this.waiting.isEmpty()) && !this.disposed) {
			if (!tryAcquire()) {
				return;
			}
			Hop<?> next = this.resuming.poll();
			if (next == null) {
				next = this.waiting.poll();
			}
			if (next == null) {
				this.permits.incrementAndGet();
				continue;
			}
			// a hop that timed out or was cancelled gave its queue slot back itself
			if (next.state.compareAndSet(WAITING, RUNNING)) {
				if (!next.resumingRequest) {
					this.queued.decrementAndGet();
				}
				submit(next);
			}
			else {
				this.permits.incrementAndGet();
			}
		}
	}

	private void submit(Hop<?> hop) {
		try {
			Future<?> future = this.executor.submit(hop);
			hop.future = future;
			if (hop.state.get() == DONE) {
				// timed out or cancelled while being submitted
				hop.cancelRun(future);
			}
		}
		catch (RejectedExecutionException ex) {
			hop.fail(BulkheadRejectedException.Reason.FULL, RUNNING);
			hop.releaseIfNeverStarted();
		}
	}

	/**
	 * One hop: its work, its subscriber, its state and its timer.
	 */
	private final class Hop<T> implements Runnable {

		final AtomicInteger state = new AtomicInteger(NEW);

		// Who gives the permit back: the hop's thread once it has started, or whoever
		// cancelled it before a thread picked it up (a cancelled FutureTask never calls
		// run(), so its permit would otherwise be lost for good).
		private final AtomicBoolean started = new AtomicBoolean();

		private final Callable<? extends @Nullable T> work;

		private final MonoSink<T> sink;

		@Nullable
		volatile Future<?> future;

		@Nullable
		private volatile Disposable timer;

		// only touched by the thread running the hop
		private boolean permitReleased;

		final boolean resumingRequest;

		Hop(Callable<? extends @Nullable T> work, MonoSink<T> sink, boolean resumingRequest) {
			this.work = work;
			this.sink = sink;
			this.resumingRequest = resumingRequest;
		}

		void startTimer() {
			this.timer = Schedulers.parallel()
				.schedule(this::timeOut, Bulkhead.this.settings.timeout().toNanos(), TimeUnit.NANOSECONDS);
		}

		@Override
		public void run() {
			if (!this.started.compareAndSet(false, true)) {
				// cancelled before this thread picked it up: the permit went back then
				return;
			}
			try {
				if (this.state.get() != RUNNING) {
					return;
				}
				T value;
				try {
					value = this.work.call();
				}
				catch (Throwable ex) {
					if (finish()) {
						releasePermit();
						this.sink.error(ex);
					}
					return;
				}
				if (finish()) {
					// the permit goes back before the result is signalled: the caller's next
					// hop must not find it still taken
					releasePermit();
					this.sink.success(value);
				}
			}
			finally {
				releasePermit();
			}
		}

		private void releasePermit() {
			if (!this.permitReleased) {
				this.permitReleased = true;
				release();
			}
		}

		private boolean finish() {
			if (this.state.compareAndSet(RUNNING, DONE)) {
				stopTimer();
				return true;
			}
			return false;
		}

		void timeOut() {
			if (stop()) {
				this.sink.error(new BulkheadRejectedException(Bulkhead.this.entryName,
						BulkheadRejectedException.Reason.TIMED_OUT, Bulkhead.this.settings.retryAfterSeconds()));
			}
		}

		void cancel() {
			stopTimer();
			stop();
		}

		/**
		 * Takes the hop out of the queue, or interrupts its thread.
		 */
		private boolean stop() {
			if (this.state.compareAndSet(NEW, DONE)) {
				return true;
			}
			if (this.state.compareAndSet(WAITING, DONE)) {
				if (this.resumingRequest) {
					Bulkhead.this.resuming.remove(this);
				}
				else {
					Bulkhead.this.queued.decrementAndGet();
					Bulkhead.this.waiting.remove(this);
				}
				return true;
			}
			if (this.state.compareAndSet(RUNNING, DONE)) {
				Future<?> running = this.future;
				if (running != null) {
					cancelRun(running);
				}
				return true;
			}
			return false;
		}

		/**
		 * Interrupts the hop's thread, or, when no thread has picked the hop up yet,
		 * makes sure none will and gives its permit back.
		 */
		void cancelRun(Future<?> running) {
			running.cancel(true);
			releaseIfNeverStarted();
		}

		void releaseIfNeverStarted() {
			if (this.started.compareAndSet(false, true)) {
				release();
			}
		}

		void fail(BulkheadRejectedException.Reason reason, int from) {
			if (this.state.compareAndSet(from, DONE)) {
				stopTimer();
				this.sink.error(new BulkheadRejectedException(Bulkhead.this.entryName, reason,
						Bulkhead.this.settings.retryAfterSeconds()));
			}
		}

		private void stopTimer() {
			Disposable scheduled = this.timer;
			if (scheduled != null) {
				scheduled.dispose();
			}
		}

	}

}
