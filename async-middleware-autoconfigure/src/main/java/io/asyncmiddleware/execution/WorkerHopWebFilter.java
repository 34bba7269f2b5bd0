package io.asyncmiddleware.execution;

import io.asyncmiddleware.metrics.EntryMetrics;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

import org.springframework.util.Assert;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * A blocking {@code WebFilter} entry in {@code adapt} or {@code isolate} mode: its
 * blocking parts hop to a worker, the rest of the chain and the handler run on the
 * request's event loop.
 *
 * <p>The way in (the synchronous body of the entry's {@code filter} method and its
 * operators up to {@code chain.filter(...)}) is one hop on the worker; the chain below
 * is subscribed back on the event loop; when it completes, the way out (the entry's
 * operators after {@code chain.filter(...)}) is a second hop on the worker; outer
 * filters continue on the event loop. Like Django's {@code MiddlewareMixin}, a thread is
 * borrowed only for the hops, never while the handler runs. Each hop's time is recorded
 * with {@link EntryMetrics#workerHop(long)}. The two modes differ only in where a hop
 * runs:
 * <ul>
 * <li>{@link #adapted adapt}: on the adapt scheduler. A hop that outlives its timeout
 * (its wait for a worker included) is cancelled, which interrupts the worker, and the
 * request is answered {@code 503} with {@code Retry-After}
 * ({@link EntryMetrics#timedOut()}), as a full scheduler queue is
 * ({@link EntryMetrics#rejected()}).</li>
 * <li>{@link #isolated isolate}: in the entry's own {@link Bulkhead}. A permit is held
 * only for a hop (the way in, the way out, a before-commit action the entry registered),
 * never while the chain below and the handler run. When the bulkhead is full the request
 * is answered {@code 503} with {@code Retry-After} and none of the entry's code runs
 * ({@link EntryMetrics#rejected()}). Only the way in can be rejected as full: the later
 * hops of a request let in wait ahead of new requests (see {@link Bulkhead#resume}).
 * Requests that never reach the entry are not affected by its saturation, and no event
 * loop ever waits for a permit.</li>
 * </ul>
 * When a hop outlives the timeout, the request is answered {@code 503} with
 * {@code Retry-After} if the response is not committed yet; the late work is
 * interrupted, and whatever it still does to the exchange is dropped: its status, header
 * and body writes never reach the response, and a late {@code chain.filter(...)} does
 * not run the chain.
 */
public final class WorkerHopWebFilter implements WebFilter {

	private final String entryName;

	private final WebFilter delegate;

	private final WorkerHops hops;

	private final EntryMetrics metrics;

	private WorkerHopWebFilter(String entryName, WebFilter delegate, WorkerHops hops, EntryMetrics metrics) {
		this.entryName = entryName;
		this.delegate = delegate;
		this.hops = hops;
		this.metrics = metrics;
	}

	/**
	 * Adapts a blocking entry: its hops run on a worker scheduler and time out after
	 * {@link AdaptSettings#DEFAULTS}' timeout.
	 * @param entryName the entry's name in the stack
	 * @param delegate the entry's filter
	 * @param worker where its blocking parts run, typically the adapt scheduler
	 * @param metrics the entry's figures
	 * @return the filter
	 */
	public static WorkerHopWebFilter adapted(String entryName, WebFilter delegate, Scheduler worker,
			EntryMetrics metrics) {
		return adapted(entryName, delegate, worker, AdaptSettings.DEFAULTS, metrics);
	}

	/**
	 * Adapts a blocking entry with its own hop timeout.
	 * @param entryName the entry's name in the stack
	 * @param delegate the entry's filter
	 * @param worker where its blocking parts run: the adapt scheduler
	 * @param settings the hop timeout and the {@code Retry-After} of its 503
	 * @param metrics the entry's figures
	 * @return the filter
	 */
	public static WorkerHopWebFilter adapted(String entryName, WebFilter delegate, Scheduler worker,
			AdaptSettings settings, EntryMetrics metrics) {
		Assert.hasText(entryName, "'entryName' must not be empty");
		Assert.notNull(delegate, "'delegate' must not be null");
		Assert.notNull(worker, "'worker' must not be null");
		Assert.notNull(settings, "'settings' must not be null");
		Assert.notNull(metrics, "'metrics' must not be null");
		return new WorkerHopWebFilter(entryName, delegate, WorkerHops.on(entryName, worker, settings, metrics),
				metrics);
	}

	/**
	 * Isolates a blocking entry: its hops run in its own bulkhead.
	 * @param entryName the entry's name in the stack
	 * @param delegate the entry's filter
	 * @param bulkhead the entry's own bulkhead
	 * @param metrics the entry's figures
	 * @return the filter
	 */
	public static WorkerHopWebFilter isolated(String entryName, WebFilter delegate, Bulkhead bulkhead,
			EntryMetrics metrics) {
		Assert.hasText(entryName, "'entryName' must not be empty");
		Assert.notNull(delegate, "'delegate' must not be null");
		Assert.notNull(bulkhead, "'bulkhead' must not be null");
		Assert.notNull(metrics, "'metrics' must not be null");
		return new WorkerHopWebFilter(entryName, delegate, WorkerHops.in(bulkhead, metrics), metrics);
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return Mono.defer(() -> new BlockingFilterInvocation(this.entryName, this.delegate, this.hops, this.metrics,
				exchange, chain)
			.run());
	}

	/**
	 * The entry's own filter.
	 * @return the filter whose blocking parts hop
	 */
	public WebFilter getDelegate() {
		return this.delegate;
	}

	@Override
	public String toString() {
		return "WorkerHopWebFilter[" + this.entryName + " (" + this.hops.mode() + "): " + this.delegate + "]";
	}

}
