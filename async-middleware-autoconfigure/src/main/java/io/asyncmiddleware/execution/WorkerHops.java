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
 * time: on the adapt scheduler with a timeout (adapt), or in the entry's
 * {@link Bulkhead} (isolate). Either way a hop given up while its thread is still in the
 * entry's code is counted until that thread returns ({@link AbandonedHops}).
 */
final class WorkerHops {

	private final String entryName;

	@Nullable
	private final Scheduler worker;

	@Nullable
	private final AdaptSettings adaptSettings;

	@Nullable
	private final Bulkhead bulkhead;

	private final EntryMetrics metrics;

	private final AbandonedHops abandoned;

	private WorkerHops(String entryName, @Nullable Scheduler worker, @Nullable AdaptSettings adaptSettings,
			@Nullable Bulkhead bulkhead, EntryMetrics metrics, AbandonedHops abandoned) {
		this.entryName = entryName;
		this.worker = worker;
		this.adaptSettings = adaptSettings;
		this.bulkhead = bulkhead;
		this.metrics = metrics;
		this.abandoned = abandoned;
	}

	static WorkerHops on(String entryName, Scheduler worker, AdaptSettings settings, EntryMetrics metrics) {
		return new WorkerHops(entryName, worker, settings, null, metrics, new AbandonedHops(entryName, metrics));
	}

	static WorkerHops in(Bulkhead bulkhead, EntryMetrics metrics) {
		return new WorkerHops(bulkhead.getEntryName(), null, null, bulkhead, metrics,
				new AbandonedHops(bulkhead.getEntryName(), metrics));
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
			Mono<T> hop;
			if (this.bulkhead != null) {
				hop = resuming ? this.bulkhead.resume(timed) : this.bulkhead.call(timed);
			}
			else {
				hop = adapted(timed);
			}
			return hop.doOnError(BulkheadRejectedException.class, (ex) -> tracker.abandon())
				.doOnCancel(tracker::abandon);
		});
	}

	/**
	 * A hop on the adapt scheduler: a full queue and a timeout answer like a bulkhead's
	 * (503); the timeout cancels the hop, which interrupts its worker thread.
	 */
	private <T> Mono<T> adapted(Callable<@Nullable T> timed) {
		AdaptSettings settings = this.adaptSettings;
		return Mono.<T>fromCallable(timed)
			.subscribeOn(this.worker)
			.onErrorMap(RejectedExecutionException.class, (ex) -> new BulkheadRejectedException(this.entryName,
					BulkheadRejectedException.Reason.FULL, settings.retryAfterSeconds()))
			.timeout(settings.timeout(),
					Mono.error(() -> new BulkheadRejectedException(this.entryName,
							BulkheadRejectedException.Reason.TIMED_OUT, settings.retryAfterSeconds())),
					Schedulers.parallel());
	}

}
