package io.asyncmiddleware.autoconfigure;

import io.asyncmiddleware.detection.Evidence;
import io.asyncmiddleware.stack.BlockingMiddlewareException;
import io.asyncmiddleware.stack.BlockingMiddlewareException.BlockingEntry;
import io.asyncmiddleware.stack.Placement;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports blocking entries found in {@code fail} mode: each entry's name, class and
 * evidence, then the three ways out. No stack trace soup.
 *
 * <p>Public so that the build gate of {@code async-middleware-test} prints the very same
 * report in a failing test.
 */
public final class BlockingMiddlewareFailureAnalyzer extends AbstractFailureAnalyzer<BlockingMiddlewareException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, BlockingMiddlewareException cause) {
		StringBuilder description = new StringBuilder();
		int count = cause.getEntries().size();
		description.append(count)
			.append((count == 1) ? " middleware entry blocks" : " middleware entries block")
			.append(" the event loop, and async-middleware.mode is 'fail':\n");
		for (BlockingEntry entry : cause.getEntries()) {
			description.append("\n  - ")
				.append(entry.describe())
				.append(", position ")
				.append(entry.position())
				.append(" of the chain")
				.append((entry.placement() == Placement.STACK) ? ", in async-middleware.stack" : ", outside the stack")
				.append('\n');
			for (Evidence evidence : entry.verdict().evidence()) {
				description.append("      ").append(evidence).append('\n');
				if (!evidence.isDeclared()) {
					description.append("      ").append(evidence.description());
					if (evidence.suggestion() != null) {
						description.append("; use instead: ").append(evidence.suggestion());
					}
					description.append('\n');
				}
			}
		}
		return new FailureAnalysis(description.toString(), action(cause), cause);
	}

	private String action(BlockingMiddlewareException cause) {
		String name = cause.getEntries().get(0).name();
		return """
				Choose one way out for each entry:
				  1. Fix the code: use the non-blocking API named above (R2DBC instead of JDBC, WebClient instead \
				of RestTemplate, Mono.delay instead of Thread.sleep), or offload the call yourself with \
				Mono.fromCallable(...).subscribeOn(Schedulers.boundedElastic()).
				  2. Adapt it: its blocking parts run on worker threads and a warning is logged at startup:
				       async-middleware.filters.%1$s.mode=adapt
				  3. Isolate it: it runs in its own bulkhead (its own threads, virtual on JDK 24+), answering 503 when full:
				       async-middleware.filters.%1$s.mode=isolate
				Or set async-middleware.mode=adapt (or isolate) for every blocking entry. If the verdict is wrong, \
				annotate the filter class with @io.asyncmiddleware.detection.NonBlocking."""
			.formatted(name);
	}

}
