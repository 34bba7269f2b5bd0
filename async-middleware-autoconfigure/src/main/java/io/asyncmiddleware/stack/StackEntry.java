package io.asyncmiddleware.stack;

import io.asyncmiddleware.detection.Verdict;
import io.asyncmiddleware.execution.AppliedMode;
import io.asyncmiddleware.metrics.EntryMetrics;
import io.asyncmiddleware.execution.ExecutionMode;
import org.jspecify.annotations.Nullable;

import org.springframework.web.server.WebFilter;

/**
 * One filter of the assembled chain: a declared stack entry, an application filter
 * outside the stack, or one of Spring's own filters.
 *
 * @param name the entry's name: its name in the stack, else its bean name, else its
 * class's simple name
 * @param beanName the bean name, or {@code null} for a built-in entry or a filter that is
 * not a bean
 * @param type the class of the filter as written (or of the {@code SyncHooks})
 * @param position the 0-based position in the chain as it runs
 * @param placement inside the stack, outside it, or a framework filter
 * @param order the filter's order; for stack entries, the stack's order
 * @param verdict what detection concluded
 * @param configuredMode the mode configured for the entry (per entry, else global)
 * @param appliedMode how the entry runs
 * @param metrics its live figures
 * @param installed the filter as it runs in the composed chain (wrapped for its mode;
 * measured by the chain)
 */
public record StackEntry(String name, @Nullable String beanName, Class<?> type, int position, Placement placement,
		int order, Verdict verdict, ExecutionMode configuredMode, AppliedMode appliedMode, EntryMetrics metrics,
		WebFilter installed) {

	/**
	 * The name and class, as log lines and reports show an entry.
	 * @return e.g. {@code 'auditFilter' (com.acme.AuditFilter)}
	 */
	public String describe() {
		return "'" + this.name + "' (" + this.type.getName() + ")";
	}

}
