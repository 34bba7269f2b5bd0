package io.asyncmiddleware.execution;

import io.asyncmiddleware.metrics.EntryMetrics;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.Exceptions;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Signal;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;

import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * One request through a blocking entry, split like Django's {@code MiddlewareMixin}: a
 * thread only for the hops in and out, none while the rest of the chain runs.
 *
 * <ol>
 * <li>Way in, one hop: the entry's {@code filter} method is called and its
 * {@code Mono} subscribed on a worker, so its synchronous body and the operators
 * before {@code chain.filter(...)} run there.</li>
 * <li>The rest of the chain and the handler are subscribed on the request's own event
 * loop, once the hop is over.</li>
 * <li>Way out, one hop: the outcome of the chain is handed to the entry's operators
 * after {@code chain.filter(...)} on a worker.</li>
 * <li>Outer filters continue on the event loop.</li>
 * </ol>
 * A short-circuit (the entry answers without calling the chain) ends after the first
 * hop. Before-commit actions the entry registers run as hops too. When a hop is
 * rejected or times out (isolate), the entry's view of the exchange is closed: its late
 * writes are dropped and a late {@code chain.filter(...)} does not run the chain.
 */
final class BlockingFilterInvocation {

	private final String entryName;

	private final WebFilter delegate;

	private final WorkerHops hops;

	private final EntryMetrics metrics;

	private final ServerWebExchange exchange;

	private final WebFilterChain chain;

	private final Scheduler loop;

	private final GuardedResponse response;

	private final ServerWebExchange guarded;

	private final Sinks.One<ServerWebExchange> downstreamRequested = Sinks.one();

	private final Sinks.Empty<Void> downstreamDone = Sinks.empty();

	private final Sinks.Empty<Void> delegateDone = Sinks.empty();

	private final AtomicBoolean chainCalled = new AtomicBoolean();

	@Nullable
	private volatile Disposable delegateSubscription;

	BlockingFilterInvocation(String entryName, WebFilter delegate, WorkerHops hops, EntryMetrics metrics,
			ServerWebExchange exchange, WebFilterChain chain) {
		this.entryName = entryName;
		this.delegate = delegate;
		this.hops = hops;
		this.metrics = metrics;
		this.exchange = exchange;
		this.chain = chain;
		this.loop = EventLoopScheduler.of(exchange);
		this.response = new GuardedResponse(exchange.getResponse(), this::commitHop);
		this.guarded = exchange.mutate().response(this.response).build();
	}

	Mono<Void> run() {
		return this.hops.call(this::subscribeDelegate)
			.then(Mono.firstWithSignal(this.downstreamRequested.asMono(),
					this.delegateDone.asMono().then(Mono.<ServerWebExchange>empty())))
			.flatMap(this::downstreamThenWayOut)
			.onErrorResume(BulkheadRejectedException.class, this::rejected)
			.doOnCancel(this::dropDelegate)
			.publishOn(this.loop);
	}

	@Nullable
	private Void subscribeDelegate() {
		this.response.entryRunning(true);
		Mono<Void> filtered;
		try {
			filtered = this.delegate.filter(this.guarded, this::downstream);
		}
		catch (Throwable ex) {
			Exceptions.throwIfJvmFatal(ex);
			this.delegateDone.tryEmitError(ex);
			return null;
		}
		this.delegateSubscription = filtered.subscribe(null, this.delegateDone::tryEmitError,
				this.delegateDone::tryEmitEmpty);
		return null;
	}

	/**
	 * The chain as the entry sees it: calling it marks the end of the way in; the real
	 * chain runs on the event loop once the hop is over.
	 */
	private Mono<Void> downstream(ServerWebExchange requested) {
		return Mono.defer(() -> {
			if (this.response.isClosed()) {
				// late call after a timeout: the chain does not run
				return Mono.empty();
			}
			if (!this.chainCalled.compareAndSet(false, true)) {
				return Mono.error(new IllegalStateException(
						"Middleware '" + this.entryName + "' called chain.filter(...) more than once"));
			}
			this.response.entryRunning(false);
			this.downstreamRequested.tryEmitValue(unguarded(requested));
			return this.downstreamDone.asMono();
		});
	}

	/**
	 * The chain below gets the real response, not the entry's guarded view, unless the
	 * entry decorated it.
	 */
	private ServerWebExchange unguarded(ServerWebExchange requested) {
		if (requested == this.guarded) {
			return this.exchange;
		}
		if (requested.getResponse() == this.response) {
			return requested.mutate().response(this.exchange.getResponse()).build();
		}
		return requested;
	}

	private Mono<Void> downstreamThenWayOut(ServerWebExchange requested) {
		return Mono.defer(() -> this.chain.filter(requested))
			.subscribeOn(this.loop)
			.materialize()
			.flatMap(this::wayOut);
	}

	private Mono<Void> wayOut(Signal<Void> outcome) {
		if (this.response.isClosed()) {
			// the entry already failed for this request (a before-commit hop timed out)
			return outcome.isOnError() ? Mono.error(outcome.getThrowable()) : Mono.empty();
		}
		return this.hops.resume(() -> {
			this.response.entryRunning(true);
			Throwable error = outcome.getThrowable();
			if (error != null) {
				this.downstreamDone.tryEmitError(error);
			}
			else {
				this.downstreamDone.tryEmitEmpty();
			}
			return null;
		}).then(this.delegateDone.asMono());
	}

	private Mono<Void> commitHop(Supplier<? extends Mono<Void>> action) {
		Sinks.Empty<Void> done = Sinks.empty();
		return this.hops.resume(() -> {
			action.get().subscribe(null, done::tryEmitError, done::tryEmitEmpty);
			return null;
		}).then(done.asMono()).onErrorResume(BulkheadRejectedException.class, (rejection) -> {
			this.response.close();
			rejection.countIn(this.metrics);
			ServiceUnavailableResponse.markStatus(this.exchange.getResponse(), rejection);
			return Mono.empty();
		}).publishOn(this.loop);
	}

	private Mono<Void> rejected(BulkheadRejectedException rejection) {
		this.response.close();
		dropDelegate();
		rejection.countIn(this.metrics);
		return ServiceUnavailableResponse.write(this.exchange.getResponse(), rejection);
	}

	private void dropDelegate() {
		Disposable subscription = this.delegateSubscription;
		if (subscription != null) {
			subscription.dispose();
		}
	}

}
