package io.asyncmiddleware.actuate;

import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

import io.asyncmiddleware.metrics.EntryMetrics;
import io.asyncmiddleware.stack.MiddlewareStack;
import io.asyncmiddleware.stack.StackEntry;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Publishes each entry's figures as Micrometer meters named {@code async.middleware.*},
 * tagged with the entry's name and placement. Meters read the entry's counters when
 * scraped, so requests pay nothing extra.
 */
public class MiddlewareMeterBinder implements MeterBinder {

	/** The common prefix of every meter. */
	public static final String PREFIX = "async.middleware";

	private final MiddlewareStack stack;

	/**
	 * Creates the binder.
	 * @param stack the assembled stack
	 */
	public MiddlewareMeterBinder(MiddlewareStack stack) {
		this.stack = stack;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (StackEntry entry : this.stack.getEntries()) {
			Tags tags = Tags.of("entry", entry.name(), "placement",
					entry.placement().name().toLowerCase(java.util.Locale.ROOT));
			EntryMetrics metrics = entry.metrics();
			FunctionTimer
				.builder(PREFIX + ".time", metrics, (m) -> m.snapshot().requests(),
						(m) -> m.snapshot().totalTimeInEntry().toNanos(), TimeUnit.NANOSECONDS)
				.description("Time in the entry itself, the rest of the chain excluded")
				.tags(tags)
				.register(registry);
			TimeGauge.builder(PREFIX + ".time.max", metrics, TimeUnit.NANOSECONDS,
					(m) -> m.snapshot().maxTimeInEntry().toNanos())
				.description("Longest time in the entry itself")
				.tags(tags)
				.register(registry);
			counter(registry, "errors", "Requests that ended in an error", metrics, (m) -> m.snapshot().errors(), tags);
			counter(registry, "worker.hops", "Hops to worker threads (adapt, isolate)", metrics,
					(m) -> m.snapshot().workerHops(), tags);
			FunctionCounter
				.builder(PREFIX + ".worker.time", metrics, (m) -> m.snapshot().timeOnWorkers().toNanos() / 1e9)
				.description("Time on worker threads")
				.baseUnit("seconds")
				.tags(tags)
				.register(registry);
			Gauge.builder(PREFIX + ".in.flight", metrics, (m) -> m.snapshot().inFlight())
				.description("Requests inside the entry now")
				.tags(tags)
				.register(registry);
			counter(registry, "rejected", "Requests the bulkhead turned away (isolate)", metrics,
					(m) -> m.snapshot().rejected(), tags);
			counter(registry, "timeouts", "Requests whose work outlived the timeout (adapt, isolate)", metrics,
					(m) -> m.snapshot().timedOut(), tags);
			Gauge.builder(PREFIX + ".abandoned.hops", metrics, (m) -> m.snapshot().abandonedHops())
				.description("Hops that timed out or were cancelled and whose thread has not returned yet "
						+ "(each holds a worker thread; in isolate a bulkhead permit)")
				.tags(tags)
				.register(registry);
			counter(registry, "blocking.calls", "Blocking calls caught on an event loop at run time", metrics,
					(m) -> m.snapshot().blockingCalls(), tags);
			counter(registry, "stalls", "Times the entry held an event loop beyond its hold budget", metrics,
					(m) -> m.snapshot().stalls(), tags);
			counter(registry, "warm.up.holds",
					"Holds beyond the budget put down to a cold JVM (class loading, the entry's first requests)",
					metrics, (m) -> m.snapshot().warmUpHolds(), tags);
		}
	}

	private static void counter(MeterRegistry registry, String name, String description, EntryMetrics metrics,
			ToDoubleFunction<EntryMetrics> value, Tags tags) {
		FunctionCounter.builder(PREFIX + "." + name, metrics, value)
			.description(description)
			.tags(tags)
			.register(registry);
	}

}
