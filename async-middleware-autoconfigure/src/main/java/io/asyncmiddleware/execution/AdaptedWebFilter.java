package io.asyncmiddleware.execution;

import io.asyncmiddleware.metrics.EntryMetrics;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

import org.springframework.util.Assert;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * A blocking entry in {@code adapt} mode: its blocking parts run on a worker scheduler,
 * the rest of the chain and the handler on the request's event loop.
 *
 * <p>The way in (the synchronous body of the entry's {@code filter} method and its
 * operators up to {@code chain.filter(...)}) is one hop on the worker; the chain below
 * is subscribed back on the event loop; when it completes, the way out (the entry's
 * operators after {@code chain.filter(...)}) is a second hop on the worker; outer
 * filters continue on the event loop. Like Django's {@code MiddlewareMixin}, a thread is
 * borrowed only for the hops, never while the handler runs. Each hop's time is recorded
 * with {@link EntryMetrics#workerHop(long)}. A hop that outlives its timeout (its wait
 * for a worker included) is cancelled, which interrupts the worker, and the request is
 * answered {@code 503} with {@code Retry-After} ({@link EntryMetrics#timedOut()}), as a
 * full scheduler queue is ({@link EntryMetrics#rejected()}).
 */
public final class AdaptedWebFilter implements WebFilter {

	private final String entryName;

	private final WebFilter delegate;

	private final WorkerHops hops;

	private final EntryMetrics metrics;

	/**
	 * Adapts a blocking entry.
	 * @param entryName the entry's name in the stack
	 * @param delegate the entry's filter
	 * @param worker where its blocking parts run, typically the adapt scheduler; hops
	 * time out after {@link AdaptSettings#DEFAULTS}' timeout
	 * @param metrics the entry's figures
	 */
	public AdaptedWebFilter(String entryName, WebFilter delegate, Scheduler worker, EntryMetrics metrics) {
		this(entryName, delegate, worker, AdaptSettings.DEFAULTS, metrics);
	}

	/**
	 * Adapts a blocking entry with its own hop timeout.
	 * @param entryName the entry's name in the stack
	 * @param delegate the entry's filter
	 * @param worker where its blocking parts run: the adapt scheduler
	 * @param settings the hop timeout and the {@code Retry-After} of its 503
	 * @param metrics the entry's figures
	 */
	public AdaptedWebFilter(String entryName, WebFilter delegate, Scheduler worker, AdaptSettings settings,
			EntryMetrics metrics) {
		Assert.hasText(entryName, "'entryName' must not be empty");
		Assert.notNull(delegate, "'delegate' must not be null");
		Assert.notNull(worker, "'worker' must not be null");
		Assert.notNull(settings, "'settings' must not be null");
		Assert.notNull(metrics, "'metrics' must not be null");
		this.entryName = entryName;
		this.delegate = delegate;
		this.hops = WorkerHops.on(entryName, worker, settings, metrics);
		this.metrics = metrics;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return Mono.defer(() -> new BlockingFilterInvocation(this.entryName, this.delegate, this.hops, this.metrics,
				exchange, chain)
			.run());
	}

	/**
	 * The adapted filter.
	 * @return the entry's own filter
	 */
	public WebFilter getDelegate() {
		return this.delegate;
	}

	@Override
	public String toString() {
		return "AdaptedWebFilter[" + this.entryName + ": " + this.delegate + "]";
	}

}
