package io.asyncmiddleware.execution;

import io.asyncmiddleware.metrics.EntryMetrics;
import java.util.concurrent.Callable;
import java.util.concurrent.RejectedExecutionException;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Runs one short piece of an entry's blocking work off the event loop and records its
 * time: on the adapt scheduler with a timeout ({@link #on adapt}), or in the entry's
 * {@link Bulkhead} ({@link #in isolate}). Where the work runs is the only difference
 * between the two modes: {@link WorkerHopWebFilter} and {@link SyncHooksWebFilter} take
 * either. Either way a hop given up while its thread is still in the entry's code is
 * counted until that thread returns ({@link AbandonedHops}).
 */
abstract sealed class WorkerHops permits WorkerHops.OnScheduler, WorkerHops.InBulkhead {

	final String entryName;

	private final EntryMetrics metrics;

	private final AbandonedHops abandoned;

	private WorkerHops(String entryName, EntryMetrics metrics) {
		this.entryName = entryName;
		this.metrics = metrics;
		this.abandoned = new AbandonedHops(entryName, metrics);
	}

	/**
	 * Hops on a shared worker scheduler ({@code adapt}).
	 * @param entryName the entry's name in the stack
	 * @param worker the adapt scheduler
	 * @param settings the hop timeout and the {@code Retry-After} of its 503
	 * @param metrics the entry's figures
	 * @return the hops
	 */
	static WorkerHops on(String entryName, Scheduler worker, AdaptSettings settings, EntryMetrics metrics) {
		return new OnScheduler(entryName, worker, settings, metrics);
	}

	/**
	 * Hops in the entry's own bulkhead ({@code isolate}).
	 * @param bulkhead the entry's bulkhead
	 * @param metrics the entry's figures
	 * @return the hops
	 */
	static WorkerHops in(Bulkhead bulkhead, EntryMetrics metrics) {
		return new InBulkhead(bulkhead, metrics);
	}

	/**
	 * One hop. Nothing runs until subscription; the result is signalled on the worker.
	 * @param work the blocking work
	 * @param <T> the result type
	 * @return the result (empty for {@code null}), or the work's failure, or a
	 * {@link BulkheadRejectedException} when full or timed out
	 */
	<T> Mono<T> call(Callable<? extends @Nullable T> work) {
		return hop(work, false);
	}

	/**
	 * A later hop of a request already let in: in isolate mode it waits ahead of new
	 * requests and is never rejected as full (see {@link Bulkhead#resume}).
	 * @param work the blocking work
	 * @param <T> the result type
	 * @return the result (empty for {@code null}), or the work's failure, or a timeout
	 */
	<T> Mono<T> resume(Callable<? extends @Nullable T> work) {
		return hop(work, true);
	}

	private <T> Mono<T> hop(Callable<? extends @Nullable T> work, boolean resuming) {
		return Mono.defer(() -> {
			AbandonedHops.Tracker tracker = this.abandoned.track();
			Callable<@Nullable T> timed = () -> {
				if (!tracker.start()) {
					return null;
				}
				long start = System.nanoTime();
				try {
					return work.call();
				}
				finally {
					tracker.returned();
					this.metrics.workerHop(System.nanoTime() - start);
				}
			};
			return run(timed, resuming).doOnError(BulkheadRejectedException.class, (ex) -> tracker.abandon())
				.doOnCancel(tracker::abandon);
		});
	}

	/**
	 * Runs a timed hop on the worker.
	 * @param timed the work, its time already recorded
	 * @param resuming whether the request was let in by an earlier hop
	 * @param <T> the result type
	 * @return the result, or a {@link BulkheadRejectedException} when full or timed out
	 */
	abstract <T> Mono<T> run(Callable<@Nullable T> timed, boolean resuming);

	/**
	 * The mode these hops run an entry in, as the stack's properties name it.
	 * @return {@code adapt} or {@code isolate}
	 */
	abstract String mode();

	/**
	 * Hops on the adapt scheduler: a full queue and a timeout answer like a bulkhead's
	 * (503); the timeout cancels the hop, which interrupts its worker thread. Every hop
	 * may be rejected as full: the scheduler has no notion of a request already let in.
	 */
	static final class OnScheduler extends WorkerHops {

		private final Scheduler worker;

		private final AdaptSettings settings;

		private OnScheduler(String entryName, Scheduler worker, AdaptSettings settings, EntryMetrics metrics) {
			super(entryName, metrics);
			this.worker = worker;
			this.settings = settings;
		}

		@Override
		<T> Mono<T> run(Callable<@Nullable T> timed, boolean resuming) {
			return Mono.<T>fromCallable(timed)
				.subscribeOn(this.worker)
				.onErrorMap(RejectedExecutionException.class, (ex) -> new BulkheadRejectedException(this.entryName,
						BulkheadRejectedException.Reason.FULL, this.settings.retryAfterSeconds()))
				.timeout(this.settings.timeout(),
						Mono.error(() -> new BulkheadRejectedException(this.entryName,
								BulkheadRejectedException.Reason.TIMED_OUT, this.settings.retryAfterSeconds())),
						Schedulers.parallel());
		}

		@Override
		String mode() {
			return "adapt";
		}

	}

	/**
	 * Hops in the entry's bulkhead, which holds a permit only for the hop and times it out.
	 */
	static final class InBulkhead extends WorkerHops {

		private final Bulkhead bulkhead;

		private InBulkhead(Bulkhead bulkhead, EntryMetrics metrics) {
			super(bulkhead.getEntryName(), metrics);
			this.bulkhead = bulkhead;
		}

		@Override
		<T> Mono<T> run(Callable<@Nullable T> timed, boolean resuming) {
			return resuming ? this.bulkhead.resume(timed) : this.bulkhead.call(timed);
		}

		@Override
		String mode() {
			return "isolate";
		}

	}

}
