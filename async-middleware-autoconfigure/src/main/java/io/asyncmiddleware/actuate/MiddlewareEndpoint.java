package io.asyncmiddleware.actuate;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import io.asyncmiddleware.detection.Evidence;
import io.asyncmiddleware.detection.Verdict;
import io.asyncmiddleware.metrics.EntryMetrics;
import io.asyncmiddleware.stack.MiddlewareStack;
import io.asyncmiddleware.stack.StackEntry;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * {@code /actuator/middleware}: the chain in order and, per entry, its placement,
 * verdict, evidence, mode as configured and as applied, and live figures.
 */
@Endpoint(id = "middleware")
public class MiddlewareEndpoint {

	private final MiddlewareStack stack;

	/**
	 * Creates the endpoint.
	 * @param stack the assembled stack
	 */
	public MiddlewareEndpoint(MiddlewareStack stack) {
		this.stack = stack;
	}

	/**
	 * Describes the stack.
	 * @return the description
	 */
	@ReadOperation
	public MiddlewareDescriptor middleware() {
		List<EntryDescriptor> entries = this.stack.getEntries().stream().map(MiddlewareEndpoint::describe).toList();
		return new MiddlewareDescriptor(lower(this.stack.getMode()), this.stack.getOrder(), this.stack.getDeclared(),
				entries);
	}

	private static EntryDescriptor describe(StackEntry entry) {
		Verdict verdict = entry.verdict();
		return new EntryDescriptor(entry.position(), entry.name(), entry.beanName(), entry.type().getName(),
				lower(entry.placement()), entry.order(),
				new VerdictDescriptor(lower(verdict.kind()), lower(verdict.source()),
						verdict.evidence().stream().map(Evidence::toString).toList(), lower(verdict.certainty()),
						verdict.doubts()),
				new ModeDescriptor(lower(entry.configuredMode()), lower(entry.appliedMode())),
				FiguresDescriptor.of(entry.metrics().snapshot()));
	}

	private static String lower(Enum<?> value) {
		return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/**
	 * The whole stack.
	 *
	 * @param mode the global mode for blocking entries
	 * @param order the order of the stack block among other filters
	 * @param stack the names declared in {@code async-middleware.stack}
	 * @param entries every filter of the chain, in the order it runs
	 */
	public record MiddlewareDescriptor(String mode, int order, List<String> stack,
			List<EntryDescriptor> entries) implements OperationResponseBody {
	}

	/**
	 * One filter of the chain.
	 *
	 * @param position its position in the chain
	 * @param name its name (stack name, else bean name)
	 * @param bean its bean name, if it is a bean
	 * @param className its class
	 * @param placement {@code stack}, {@code outside-stack} or {@code framework}
	 * @param order its order
	 * @param verdict what detection concluded
	 * @param mode the mode configured and as applied
	 * @param figures live figures
	 */
	public record EntryDescriptor(int position, String name, @Nullable String bean, String className,
			String placement, int order, VerdictDescriptor verdict, ModeDescriptor mode, FiguresDescriptor figures) {
	}

	/**
	 * A verdict.
	 *
	 * @param kind {@code non-blocking}, {@code blocking} or {@code sync-hooks}
	 * @param source {@code declared}, {@code static-analysis} or {@code not-analysed}
	 * @param evidence the evidence chains
	 * @param certainty how sure the verdict is: {@code high}, {@code low} (some calls
	 * could not be followed) or {@code none} (not analysed)
	 * @param doubts why it is not sure: the calls the scan could not follow, or why the
	 * filter was not analysed
	 */
	public record VerdictDescriptor(String kind, String source, List<String> evidence, String certainty,
			List<String> doubts) {
	}

	/**
	 * A mode.
	 *
	 * @param configured {@code fail}, {@code adapt} or {@code isolate}
	 * @param applied {@code direct}, {@code adapt} or {@code isolate}
	 */
	public record ModeDescriptor(String configured, String applied) {
	}

	/**
	 * Live figures of an entry; times in milliseconds.
	 *
	 * @param requests requests through the entry
	 * @param errors requests that ended in an error
	 * @param meanTimeMs mean time in the entry itself
	 * @param maxTimeMs longest time in the entry itself
	 * @param workerHops hops to worker threads
	 * @param timeOnWorkersMs total time on worker threads
	 * @param inFlight requests inside the entry now
	 * @param rejected requests the bulkhead turned away
	 * @param timedOut requests whose work outlived the timeout
	 * @param blockingCalls blocking calls caught on an event loop at run time
	 * @param lastBlockingCall the last such call
	 * @param lastBlockingCallStack where the last blocking call was made: the top of the
	 * stack and the entry's own frame
	 * @param holdBudgetMs how long the entry may hold an event loop before it is
	 * reported: the stall threshold, lower when the verdict's certainty is not
	 * {@code high}; absent when the watchdog is off
	 * @param stalls times the entry held an event loop beyond its budget (warm-up holds
	 * excluded)
	 * @param maxStallMs the longest such hold
	 * @param lastStallStack where the watchdog caught the entry in its last stall
	 * @param warmUpHolds holds beyond the budget put down to a cold JVM: class loading or
	 * linking, or the entry's first requests with no blocking call on the stack
	 * @param abandonedHops hops that timed out (or were cancelled) and whose thread,
	 * interrupted, has not returned yet: each holds a worker thread, in isolate a
	 * bulkhead permit
	 */
	public record FiguresDescriptor(long requests, long errors, double meanTimeMs, double maxTimeMs, long workerHops,
			double timeOnWorkersMs, long inFlight, long rejected, long timedOut, long blockingCalls,
			@Nullable String lastBlockingCall, @Nullable String lastBlockingCallStack, @Nullable Double holdBudgetMs,
			long stalls, double maxStallMs, @Nullable String lastStallStack, long warmUpHolds, long abandonedHops) {

		static FiguresDescriptor of(EntryMetrics.Snapshot snapshot) {
			Duration budget = snapshot.holdBudget();
			return new FiguresDescriptor(snapshot.requests(), snapshot.errors(), millis(snapshot.meanTimeInEntry()),
					millis(snapshot.maxTimeInEntry()), snapshot.workerHops(), millis(snapshot.timeOnWorkers()),
					snapshot.inFlight(), snapshot.rejected(), snapshot.timedOut(), snapshot.blockingCalls(),
					snapshot.lastBlockingCall(), snapshot.lastBlockingCallStack(),
					(budget != null) ? millis(budget) : null, snapshot.stalls(), millis(snapshot.maxStall()),
					snapshot.lastStallStack(), snapshot.warmUpHolds(), snapshot.abandonedHops());
		}

		private static double millis(Duration duration) {
			return Math.round(duration.toNanos() / 1_000.0) / 1_000.0;
		}

	}

}
