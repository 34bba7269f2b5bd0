package io.asyncmiddleware.execution;

import io.asyncmiddleware.metrics.EntryMetrics;
import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Runs one short piece of an entry's blocking work off the event loop and records its
 * time: on a worker scheduler (adapt), or in the entry's {@link Bulkhead} (isolate).
 */
final class WorkerHops {

	@Nullable
	private final Scheduler worker;

	@Nullable
	private final Bulkhead bulkhead;

	private final EntryMetrics metrics;

	private WorkerHops(@Nullable Scheduler worker, @Nullable Bulkhead bulkhead, EntryMetrics metrics) {
		this.worker = worker;
		this.bulkhead = bulkhead;
		this.metrics = metrics;
	}

	static WorkerHops on(Scheduler worker, EntryMetrics metrics) {
		return new WorkerHops(worker, null, metrics);
	}

	static WorkerHops in(Bulkhead bulkhead, EntryMetrics metrics) {
		return new WorkerHops(null, bulkhead, metrics);
	}

	/**
	 * One hop. Nothing runs until subscription; the result is signalled on the worker.
	 * @param work the blocking work
	 * @param <T> the result type
	 * @return the result (empty for {@code null}), or the work's failure, or a
	 * {@link BulkheadRejectedException} in isolate mode
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
		Callable<@Nullable T> timed = () -> {
			long start = System.nanoTime();
			try {
				return work.call();
			}
			finally {
				this.metrics.workerHop(System.nanoTime() - start);
			}
		};
		if (this.bulkhead != null) {
			return resuming ? this.bulkhead.resume(timed) : this.bulkhead.call(timed);
		}
		return Mono.<T>fromCallable(timed).subscribeOn(this.worker);
	}

}
