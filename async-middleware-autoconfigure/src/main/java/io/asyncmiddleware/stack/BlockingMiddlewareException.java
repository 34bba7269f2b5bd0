package io.asyncmiddleware.stack;

import java.util.List;
import java.util.stream.Collectors;

import io.asyncmiddleware.detection.Verdict;

/**
 * Thrown at startup in {@code fail} mode when entries block the event loop. Spring Boot's
 * failure analysis turns it into a report naming each entry, its evidence and the ways
 * out.
 */
public class BlockingMiddlewareException extends IllegalStateException {

	private final List<BlockingEntry> entries;

	/**
	 * Creates the exception.
	 * @param entries the blocking entries whose mode is {@code fail}
	 */
	public BlockingMiddlewareException(List<BlockingEntry> entries) {
		super(entries.size() + " middleware " + ((entries.size() == 1) ? "entry blocks" : "entries block")
				+ " the event loop: "
				+ entries.stream().map(BlockingEntry::describe).collect(Collectors.joining(", ")));
		this.entries = List.copyOf(entries);
	}

	/**
	 * The blocking entries, in chain order.
	 * @return the entries
	 */
	public List<BlockingEntry> getEntries() {
		return this.entries;
	}

	/**
	 * A blocking entry found at startup.
	 *
	 * @param name the entry's name (stack name or bean name)
	 * @param type the filter class
	 * @param placement inside or outside the stack
	 * @param position its position in the chain
	 * @param verdict the verdict with its evidence
	 */
	public record BlockingEntry(String name, Class<?> type, Placement placement, int position, Verdict verdict) {

		/**
		 * The name and class.
		 * @return e.g. {@code 'auditFilter' (com.acme.AuditFilter)}
		 */
		public String describe() {
			return "'" + this.name + "' (" + this.type.getName() + ")";
		}

	}

}
