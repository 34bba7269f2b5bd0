package io.asyncmiddleware.autoconfigure;

import java.util.List;
import java.util.Locale;

import io.asyncmiddleware.detection.Verdict;
import io.asyncmiddleware.stack.MiddlewareStack;
import io.asyncmiddleware.stack.Placement;
import io.asyncmiddleware.stack.StackEntry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Says once, at startup, what was assembled: every filter of the chain in the order it
 * runs, where it sits (in the declared stack, outside it, or Spring's own such as Spring
 * Security's chain), its verdict and how it runs, then the handler. One INFO event, in
 * the spirit of Boot's condition evaluation report and Django's {@code check} output:
 *
 * <pre>
 * Middleware chain (async-middleware.mode=fail): 4 filters, then the handler
 *   #  name             placement  verdict       runs
 *   1  spring-security  framework  non-blocking  direct
 *   2  security         stack      non-blocking  direct
 *   3  audit            outside    blocking      isolate
 *   -  handler
 * </pre>
 */
final class MiddlewareStackStartupReport implements SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(MiddlewareStackStartupReport.class);

	private static final String[] HEADINGS = { "#", "name", "placement", "verdict", "runs" };

	private final MiddlewareStack stack;

	MiddlewareStackStartupReport(MiddlewareStack stack) {
		this.stack = stack;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (logger.isInfoEnabled()) {
			logger.info(render(this.stack));
		}
	}

	/**
	 * The report, one line per filter, columns aligned.
	 * @param stack the assembled stack
	 * @return the report, without a trailing newline
	 */
	static String render(MiddlewareStack stack) {
		List<StackEntry> entries = stack.getEntries();
		String[][] rows = new String[entries.size() + 2][];
		rows[0] = HEADINGS;
		for (int i = 0; i < entries.size(); i++) {
			StackEntry entry = entries.get(i);
			rows[i + 1] = new String[] { String.valueOf(i + 1), entry.name(), placement(entry.placement()),
					verdict(entry.verdict()), entry.appliedMode().name().toLowerCase(Locale.ROOT) };
		}
		rows[rows.length - 1] = new String[] { "-", "handler", "", "", "" };
		int[] widths = new int[HEADINGS.length];
		for (String[] row : rows) {
			for (int column = 0; column < row.length; column++) {
				widths[column] = Math.max(widths[column], row[column].length());
			}
		}
		StringBuilder report = new StringBuilder("Middleware chain (async-middleware.mode=")
			.append(stack.getMode().name().toLowerCase(Locale.ROOT))
			.append("): ")
			.append(entries.size())
			.append((entries.size() == 1) ? " filter" : " filters")
			.append(", then the handler");
		if (stack.getDeclared().isEmpty()) {
			report.append("; async-middleware.stack is empty, so no entry of the stack runs");
		}
		for (String[] row : rows) {
			report.append("\n ");
			StringBuilder line = new StringBuilder();
			for (int column = 0; column < row.length; column++) {
				line.append(' ');
				// the position is right-aligned, the rest left-aligned
				line.append((column == 0) ? pad(row[column], widths[column], true)
						: pad(row[column], widths[column], false));
				line.append(' ');
			}
			report.append(line.toString().stripTrailing());
		}
		return report.toString();
	}

	private static String placement(Placement placement) {
		return switch (placement) {
			case STACK -> "stack";
			case OUTSIDE_STACK -> "outside";
			case FRAMEWORK -> "framework";
		};
	}

	private static String verdict(Verdict verdict) {
		return switch (verdict.kind()) {
			case NON_BLOCKING -> switch (verdict.source()) {
				case DECLARED -> "non-blocking (declared)";
				case NOT_ANALYSED -> "not analysed";
				case STATIC_ANALYSIS -> "non-blocking";
			};
			case BLOCKING -> (verdict.source() == Verdict.Source.DECLARED) ? "blocking (declared)" : "blocking";
			case SYNC_HOOKS -> "sync hooks";
		};
	}

	private static String pad(String value, int width, boolean right) {
		String padding = " ".repeat(width - value.length());
		return right ? padding + value : value + padding;
	}

}
