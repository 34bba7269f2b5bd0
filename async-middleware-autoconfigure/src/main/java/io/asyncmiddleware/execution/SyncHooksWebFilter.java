package io.asyncmiddleware.execution;

import io.asyncmiddleware.metrics.EntryMetrics;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

import io.asyncmiddleware.handler.HandlerResolver;
import io.asyncmiddleware.handler.ResolvedHandler;
import io.asyncmiddleware.handler.ViewPhase;
import io.asyncmiddleware.hooks.HookResponse;
import io.asyncmiddleware.hooks.SyncHooks;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.util.Assert;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Runs a {@link SyncHooks} middleware as a non-blocking {@code WebFilter}, the way
 * Django's {@code MiddlewareMixin} runs an old-style middleware under ASGI: each hook is
 * one short hop on a worker (adapt) or in the entry's {@link Bulkhead} (isolate), and no
 * thread is held while the rest of the chain and the handler run.
 *
 * <ul>
 * <li>{@code processRequest}: a hop before the chain; a returned {@link HookResponse} is
 * sent instead of calling the chain, and {@code processResponse} still runs on it (the
 * same-layer rule).</li>
 * <li>{@code processView}: a hop once the {@link HandlerResolver} has found the handler;
 * skipped without a resolver or when nothing matches (a 404), as in Django.</li>
 * <li>{@code processException}: a hop when the chain below fails; a returned response
 * handles the failure if the response is not committed yet.</li>
 * <li>{@code processResponse}: a hop in a before-commit action, so the status and
 * headers can still change; the commit continues on the event loop. It runs only when
 * {@code processRequest} returned normally; its failure is logged and the response is
 * sent as it is.</li>
 * </ul>
 * In isolate mode each hook runs in the bulkhead: {@code processRequest} is admitted like
 * a new request (503 with {@code Retry-After} when full), the later hooks resume an
 * admitted request and are never rejected as full. A hook that times out answers 503
 * with {@code Retry-After} if the response is not committed; a timed-out
 * {@code processResponse} can only set that status and header, the body being already
 * on its way.
 */
public final class SyncHooksWebFilter implements WebFilter {

	private static final Log logger = LogFactory.getLog(SyncHooksWebFilter.class);

	private final String entryName;

	private final SyncHooks hooks;

	private final WorkerHops hops;

	@Nullable
	private final HandlerResolver resolver;

	private final EntryMetrics metrics;

	private SyncHooksWebFilter(String entryName, SyncHooks hooks, WorkerHops hops, @Nullable HandlerResolver resolver,
			EntryMetrics metrics) {
		Assert.hasText(entryName, "'entryName' must not be empty");
		Assert.notNull(hooks, "'hooks' must not be null");
		this.entryName = entryName;
		this.hooks = hooks;
		this.hops = hops;
		this.resolver = resolver;
		this.metrics = metrics;
	}

	/**
	 * Runs the hooks on a worker scheduler ({@code adapt}).
	 * @param entryName the entry's name in the stack
	 * @param hooks the middleware
	 * @param worker where the hooks run, typically the adapt scheduler; hops time out after
	 * {@link AdaptSettings#DEFAULTS}' timeout
	 * @param resolver finds the handler for {@code processView}, or {@code null} to skip it
	 * @param metrics the entry's figures
	 * @return the filter
	 */
	public static SyncHooksWebFilter adapted(String entryName, SyncHooks hooks, Scheduler worker,
			@Nullable HandlerResolver resolver, EntryMetrics metrics) {
		return adapted(entryName, hooks, worker, AdaptSettings.DEFAULTS, resolver, metrics);
	}

	/**
	 * Runs the hooks on a worker scheduler ({@code adapt}) with a hop timeout.
	 * @param entryName the entry's name in the stack
	 * @param hooks the middleware
	 * @param worker where the hooks run: the adapt scheduler
	 * @param settings the hop timeout and the {@code Retry-After} of its 503
	 * @param resolver finds the handler for {@code processView}, or {@code null} to skip it
	 * @param metrics the entry's figures
	 * @return the filter
	 */
	public static SyncHooksWebFilter adapted(String entryName, SyncHooks hooks, Scheduler worker,
			AdaptSettings settings, @Nullable HandlerResolver resolver, EntryMetrics metrics) {
		Assert.hasText(entryName, "'entryName' must not be empty");
		Assert.notNull(worker, "'worker' must not be null");
		Assert.notNull(settings, "'settings' must not be null");
		Assert.notNull(metrics, "'metrics' must not be null");
		return new SyncHooksWebFilter(entryName, hooks, WorkerHops.on(entryName, worker, settings, metrics), resolver,
				metrics);
	}

	/**
	 * Runs the hooks in the entry's bulkhead ({@code isolate}).
	 * @param entryName the entry's name in the stack
	 * @param hooks the middleware
	 * @param bulkhead the entry's own bulkhead
	 * @param resolver finds the handler for {@code processView}, or {@code null} to skip it
	 * @param metrics the entry's figures
	 * @return the filter
	 */
	public static SyncHooksWebFilter isolated(String entryName, SyncHooks hooks, Bulkhead bulkhead,
			@Nullable HandlerResolver resolver, EntryMetrics metrics) {
		Assert.notNull(bulkhead, "'bulkhead' must not be null");
		Assert.notNull(metrics, "'metrics' must not be null");
		return new SyncHooksWebFilter(entryName, hooks, WorkerHops.in(bulkhead, metrics), resolver, metrics);
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return Mono.defer(() -> new Invocation(exchange, chain).run());
	}

	/**
	 * The hooks.
	 * @return the entry's middleware
	 */
	public SyncHooks getHooks() {
		return this.hooks;
	}

	@Override
	public String toString() {
		return "SyncHooksWebFilter[" + this.entryName + ": " + this.hooks + "]";
	}

	/**
	 * One request through the hooks.
	 */
	private final class Invocation {

		private final ServerWebExchange exchange;

		private final WebFilterChain chain;

		private final GuardedResponse response;

		private final ServerWebExchange guarded;

		private final Scheduler loop;

		private final AtomicBoolean requestProcessed = new AtomicBoolean();

		/** processException ran for this request: it runs once, as in Django. */
		private volatile boolean exceptionProcessed;

		Invocation(ServerWebExchange exchange, WebFilterChain chain) {
			this.exchange = exchange;
			this.chain = chain;
			this.loop = EventLoopScheduler.of(exchange);
			// the hooks see a guarded response: after a timeout their late writes are dropped
			this.response = new GuardedResponse(exchange.getResponse(), (action) -> action.get());
			this.response.entryRunning(false);
			this.guarded = exchange.mutate().response(this.response).build();
		}

		Mono<Void> run() {
			this.exchange.getResponse().beforeCommit(this::processResponse);
			return hop(true, () -> {
				HookResponse answer = SyncHooksWebFilter.this.hooks.processRequest(this.guarded);
				this.requestProcessed.set(true);
				return answer;
			}).flatMap((answer) -> answer.isPresent() ? send(answer.get()) : viewThenChain())
				.onErrorResume(BulkheadRejectedException.class, this::rejected);
		}

		private Mono<Void> viewThenChain() {
			if (SyncHooksWebFilter.this.resolver == null) {
				return chainThenException();
			}
			return SyncHooksWebFilter.this.resolver.resolve(this.exchange)
				.defaultIfEmpty(ResolvedHandler.NONE)
				.flatMap(this::processView)
				.flatMap((answer) -> answer.isPresent() ? send(answer.get()) : chainThenException());
		}

		private Mono<Optional<HookResponse>> processView(ResolvedHandler handler) {
			Object target = handler.getHandler();
			if (target == null || ViewPhase.refusal(this.exchange) != null) {
				// nothing matches (Django skips process_view on a 404), or an entry above
				// already answered at view level (Django stops process_view at the first response)
				return Mono.just(Optional.empty());
			}
			return hop(false, () -> SyncHooksWebFilter.this.hooks.processView(this.guarded, target));
		}

		private Mono<Void> chainThenException() {
			// a stack that answers errors itself asks this step before rendering the handler's
			// error (the response then passes out through every entry, as in Django); a
			// chain that passes errors up reaches the onErrorResume below instead
			ViewPhase.onViewException(this.exchange, this::viewException);
			return this.chain.filter(this.exchange)
				.onErrorResume((error) -> !(error instanceof BulkheadRejectedException) && !this.exceptionProcessed,
						(error) -> processException(error).flatMap((answered) -> answered ? Mono.<Void>empty()
								: Mono.error(error)));
		}

		private Mono<Boolean> viewException(ServerWebExchange target, Throwable error) {
			return (error instanceof BulkheadRejectedException) ? Mono.just(false) : processException(error);
		}

		private Mono<Boolean> processException(Throwable error) {
			this.exceptionProcessed = true;
			return hop(false, () -> SyncHooksWebFilter.this.hooks.processException(this.guarded, error))
				.flatMap((answer) -> (answer.isPresent() && !this.exchange.getResponse().isCommitted())
						? send(answer.get()).thenReturn(true) : Mono.just(false));
		}

		private Mono<Void> processResponse() {
			if (!this.requestProcessed.get() || this.response.isClosed()) {
				return Mono.empty();
			}
			return SyncHooksWebFilter.this.hops.<Void>resume(() -> {
				try {
					SyncHooksWebFilter.this.hooks.processResponse(this.guarded);
				}
				catch (Exception ex) {
					logger.warn("processResponse of middleware '" + SyncHooksWebFilter.this.entryName
							+ "' failed; the response is sent as it is", ex);
				}
				return null;
			}).onErrorResume(BulkheadRejectedException.class, (rejection) -> {
				this.response.close();
				rejection.countIn(SyncHooksWebFilter.this.metrics);
				ServiceUnavailableResponse.markStatus(this.exchange.getResponse(), rejection);
				return Mono.empty();
			}).publishOn(this.loop);
		}

		/**
		 * One hook call on a worker, its answer back on the event loop. Only the first
		 * hook of a request can be turned away as full; later ones resume it.
		 */
		private Mono<Optional<HookResponse>> hop(boolean first, Callable<@Nullable HookResponse> hook) {
			Mono<HookResponse> answer = first ? SyncHooksWebFilter.this.hops.call(hook)
					: SyncHooksWebFilter.this.hops.resume(hook);
			return answer
				.map(Optional::of)
				.defaultIfEmpty(Optional.empty())
				.publishOn(this.loop);
		}

		private Mono<Void> send(HookResponse answer) {
			ServerHttpResponse target = this.exchange.getResponse();
			target.setStatusCode(answer.status());
			target.getHeaders().putAll(answer.headers());
			if (answer.body().length == 0) {
				return target.setComplete();
			}
			target.getHeaders().setContentLength(answer.body().length);
			return target.writeWith(Mono.fromSupplier(() -> target.bufferFactory().wrap(answer.body())));
		}

		private Mono<Void> rejected(BulkheadRejectedException rejection) {
			this.response.close();
			rejection.countIn(SyncHooksWebFilter.this.metrics);
			return ServiceUnavailableResponse.write(this.exchange.getResponse(), rejection);
		}

	}

}
