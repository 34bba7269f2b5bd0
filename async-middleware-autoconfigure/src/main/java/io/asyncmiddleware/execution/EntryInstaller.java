package io.asyncmiddleware.execution;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Supplier;

import io.asyncmiddleware.chain.ChainEntry;
import io.asyncmiddleware.detection.Verdict;
import io.asyncmiddleware.detection.runtime.EventLoopHolder;
import io.asyncmiddleware.detection.runtime.EventLoopStallWatchdog;
import io.asyncmiddleware.handler.HandlerResolver;
import io.asyncmiddleware.hooks.SyncHooks;
import io.asyncmiddleware.metrics.EntryMetrics;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;

import org.springframework.util.ClassUtils;
import org.springframework.web.server.WebFilter;

/**
 * Wraps each filter of the chain for the mode it runs in, and makes it a position of the
 * composed chain, which measures it: the one place where a verdict turns into threads.
 *
 * <p>Holds the bulkheads it creates and the adapt scheduler (created when the first entry
 * is adapted); disposing the installer shuts them down.
 */
public final class EntryInstaller implements Disposable {

	private final Supplier<Scheduler> adaptScheduler;

	private final Function<String, AdaptSettings> adaptSettings;

	@Nullable
	private volatile Scheduler worker;

	private final Function<String, BulkheadSettings> bulkheadSettings;

	@Nullable
	private final EventLoopStallWatchdog watchdog;

	@Nullable
	private final HandlerResolver handlerResolver;

	private final List<Bulkhead> bulkheads = new CopyOnWriteArrayList<>();

	private volatile boolean disposed;

	/**
	 * Creates an installer.
	 * @param adaptScheduler creates the scheduler adapted entries hop to, once, when the
	 * first entry is adapted; the installer disposes it (not Reactor's shared
	 * {@code boundedElastic}, whose other users a slow entry must not starve)
	 * @param adaptSettings the hop timeout of an adapted entry, by name
	 * @param bulkheadSettings the bulkhead settings of an isolated entry, by name
	 * @param watchdog the event-loop stall watchdog, or {@code null} when disabled
	 * @param handlerResolver resolves handlers for {@code SyncHooks.processView}, or
	 * {@code null}
	 */
	public EntryInstaller(Supplier<Scheduler> adaptScheduler, Function<String, AdaptSettings> adaptSettings,
			Function<String, BulkheadSettings> bulkheadSettings, @Nullable EventLoopStallWatchdog watchdog,
			@Nullable HandlerResolver handlerResolver) {
		this.adaptScheduler = adaptScheduler;
		this.adaptSettings = adaptSettings;
		this.bulkheadSettings = bulkheadSettings;
		this.watchdog = watchdog;
		this.handlerResolver = handlerResolver;
	}

	/**
	 * Wraps a filter for its applied mode.
	 * @param name the entry's name
	 * @param filter the {@code WebFilter}, or {@code SyncHooks}, as written
	 * @param mode how it runs
	 * @param metrics where its figures go
	 * @return the entry to compose into the chain
	 */
	public ChainEntry install(String name, Object filter, AppliedMode mode, EntryMetrics metrics) {
		return install(name, filter, mode, metrics, Verdict.Certainty.HIGH);
	}

	/**
	 * Wraps a filter for its applied mode, with a hold budget for the event loop that
	 * depends on how sure its verdict is: an entry the scan could not fully follow gets
	 * the watchdog's lower budget, since the run-time check is the backstop for it.
	 * @param name the entry's name
	 * @param filter the {@code WebFilter}, or {@code SyncHooks}, as written
	 * @param mode how it runs
	 * @param metrics where its figures go
	 * @param certainty how sure the entry's verdict is
	 * @return the entry to compose into the chain
	 */
	public ChainEntry install(String name, Object filter, AppliedMode mode, EntryMetrics metrics,
			Verdict.Certainty certainty) {
		WebFilter running = switch (mode) {
			case DIRECT -> asWebFilter(name, filter);
			case ADAPT -> (filter instanceof SyncHooks hooks)
					? SyncHooksWebFilter.adapted(name, hooks, worker(), this.adaptSettings.apply(name),
							this.handlerResolver, metrics)
					: WorkerHopWebFilter.adapted(name, asWebFilter(name, filter), worker(),
							this.adaptSettings.apply(name), metrics);
			case ISOLATE -> {
				Bulkhead bulkhead = Bulkhead.create(name, this.bulkheadSettings.apply(name));
				this.bulkheads.add(bulkhead);
				yield (filter instanceof SyncHooks hooks)
						? SyncHooksWebFilter.isolated(name, hooks, bulkhead, this.handlerResolver, metrics)
						: WorkerHopWebFilter.isolated(name, asWebFilter(name, filter), bulkhead, metrics);
			}
		};
		EventLoopStallWatchdog watchdog = this.watchdog;
		if (watchdog == null) {
			return ChainEntry.of(name, running, metrics, null);
		}
		long budget = watchdog.budgetFor(certainty).toNanos();
		metrics.holdBudget(budget);
		return new ChainEntry(name, running, metrics,
				new EventLoopHolder(name, ClassUtils.getUserClass(running), watchdog, budget));
	}

	private synchronized Scheduler worker() {
		Scheduler scheduler = this.worker;
		if (scheduler == null) {
			scheduler = this.adaptScheduler.get();
			this.worker = scheduler;
		}
		return scheduler;
	}

	private static WebFilter asWebFilter(String name, Object filter) {
		if (filter instanceof WebFilter webFilter) {
			return webFilter;
		}
		throw new IllegalStateException("Entry '" + name + "' is SyncHooks and can only run adapted or isolated");
	}

	@Override
	public void dispose() {
		this.disposed = true;
		this.bulkheads.forEach(Bulkhead::dispose);
		Scheduler scheduler = this.worker;
		if (scheduler != null) {
			scheduler.dispose();
		}
	}

	@Override
	public boolean isDisposed() {
		return this.disposed;
	}

}
