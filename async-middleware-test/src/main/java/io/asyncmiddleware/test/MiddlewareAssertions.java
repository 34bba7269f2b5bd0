package io.asyncmiddleware.test;

import java.util.ArrayList;
import java.util.List;

import io.asyncmiddleware.autoconfigure.BlockingMiddlewareFailureAnalyzer;
import io.asyncmiddleware.stack.BlockingMiddlewareException;
import io.asyncmiddleware.stack.BlockingMiddlewareException.BlockingEntry;
import io.asyncmiddleware.stack.MiddlewareStack;
import io.asyncmiddleware.stack.Placement;
import io.asyncmiddleware.stack.StackEntry;

import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ApplicationContext;
import org.springframework.util.Assert;

/**
 * Assertions about the assembled stack, for an application's own tests. The build gate
 * in one line:
 *
 * <pre class="code">
 * &#64;Test
 * void noEntryBlocks(&#64;Autowired ApplicationContext context) {
 *     MiddlewareAssertions.assertNoBlockingEntries(context);
 * }
 * </pre>
 *
 * <p>An application may run with {@code async-middleware.mode=adapt} or {@code isolate} so
 * that it starts whatever a filter does; this keeps the build as strict as {@code fail}.
 */
public final class MiddlewareAssertions {

	private MiddlewareAssertions() {
	}

	/**
	 * Fails when any filter of the application's chain is judged blocking, with the report
	 * that {@code async-middleware.mode=fail} prints at startup: each entry, its evidence,
	 * and the ways out. Spring's own filters are left out, as {@code fail} mode leaves them
	 * (the application cannot change them).
	 * @param context the application's context
	 * @throws AssertionError naming every blocking entry
	 */
	public static void assertNoBlockingEntries(ApplicationContext context) {
		Assert.notNull(context, "'context' must not be null");
		MiddlewareStack stack;
		try {
			stack = context.getBean(MiddlewareStack.class);
		}
		catch (NoSuchBeanDefinitionException ex) {
			throw new AssertionError("The context has no middleware stack: the starter is not on the classpath, "
					+ "async-middleware.enabled is false, or the application is not a reactive web application", ex);
		}
		assertNoBlockingEntries(stack);
	}

	/**
	 * Fails when any filter of the chain is judged blocking; see
	 * {@link #assertNoBlockingEntries(ApplicationContext)}.
	 * @param stack the assembled stack
	 * @throws AssertionError naming every blocking entry
	 */
	public static void assertNoBlockingEntries(MiddlewareStack stack) {
		Assert.notNull(stack, "'stack' must not be null");
		List<BlockingEntry> blocking = new ArrayList<>();
		for (StackEntry entry : stack.getEntries()) {
			if (entry.verdict().isBlocking() && entry.placement() != Placement.FRAMEWORK) {
				blocking.add(new BlockingEntry(entry.name(), entry.type(), entry.placement(), entry.position(),
						entry.verdict()));
			}
		}
		if (!blocking.isEmpty()) {
			BlockingMiddlewareException exception = new BlockingMiddlewareException(blocking);
			FailureAnalysis analysis = new BlockingMiddlewareFailureAnalyzer().analyze(exception);
			throw new AssertionError(report(analysis), exception);
		}
	}

	// Boot's LoggingFailureAnalysisReporter layout, so the test says what startup would
	private static String report(FailureAnalysis analysis) {
		return String.format("%n%n***************************%nBLOCKING MIDDLEWARE IN THE STACK%n"
				+ "***************************%n%nDescription:%n%n%s%n%nAction:%n%n%s%n", analysis.getDescription(),
				analysis.getAction());
	}

}
