package io.asyncmiddleware.execution;

import io.asyncmiddleware.metrics.EntryMetrics;
import reactor.core.publisher.Mono;

import org.springframework.util.Assert;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * A blocking entry in {@code isolate} mode: the same hops as {@link AdaptedWebFilter},
 * each run in the entry's own {@link Bulkhead}.
 *
 * <p>A permit is held only for a hop (the way in, the way out, a before-commit action
 * the entry registered), never while the chain below and the handler run. When the
 * bulkhead is full the request is answered {@code 503} with {@code Retry-After} and
 * none of the entry's code runs ({@link EntryMetrics#rejected()}). Only the way in can
 * be rejected as full: the later hops of a request let in wait ahead of new requests
 * (see {@link Bulkhead#resume}). When a hop outlives
 * the timeout, the request is answered {@code 503} with {@code Retry-After} if the
 * response is not committed yet ({@link EntryMetrics#timedOut()}); the late work is
 * interrupted, and whatever it still does to the exchange is dropped: its status,
 * header and body writes never reach the response, and a late {@code chain.filter(...)}
 * does not run the chain. Requests that never reach the entry are not affected by its
 * saturation, and no event loop ever waits for a permit.
 */
public final class IsolatedWebFilter implements WebFilter {

	private final String entryName;

	private final WebFilter delegate;

	private final Bulkhead bulkhead;

	private final WorkerHops hops;

	private final EntryMetrics metrics;

	/**
	 * Isolates a blocking entry.
	 * @param entryName the entry's name in the stack
	 * @param delegate the entry's filter
	 * @param bulkhead the entry's own bulkhead
	 * @param metrics the entry's figures
	 */
	public IsolatedWebFilter(String entryName, WebFilter delegate, Bulkhead bulkhead, EntryMetrics metrics) {
		Assert.hasText(entryName, "'entryName' must not be empty");
		Assert.notNull(delegate, "'delegate' must not be null");
		Assert.notNull(bulkhead, "'bulkhead' must not be null");
		Assert.notNull(metrics, "'metrics' must not be null");
		this.entryName = entryName;
		this.delegate = delegate;
		this.bulkhead = bulkhead;
		this.hops = WorkerHops.in(bulkhead, metrics);
		this.metrics = metrics;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return Mono.defer(() -> new BlockingFilterInvocation(this.entryName, this.delegate, this.hops, this.metrics,
				exchange, chain)
			.run());
	}

	/**
	 * The isolated filter.
	 * @return the entry's own filter
	 */
	public WebFilter getDelegate() {
		return this.delegate;
	}

	/**
	 * The entry's bulkhead.
	 * @return the bulkhead
	 */
	public Bulkhead getBulkhead() {
		return this.bulkhead;
	}

	@Override
	public String toString() {
		return "IsolatedWebFilter[" + this.entryName + ": " + this.delegate + "]";
	}

}
