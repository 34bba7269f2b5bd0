package io.asyncmiddleware.detection;

import java.util.List;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * Why an entry is judged blocking: either a chain of calls from its {@code filter} method
 * to a blocking API, or a declaration.
 *
 * <p>{@link #toString()} renders the chain the way the failure report and the endpoint
 * show it: {@code AuditFilter.filter -> AuditFilter.lambda$filter$0 ->
 * AuditLog.write(AuditLog.java:31) -> java.sql.PreparedStatement.executeUpdate}.
 *
 * @param chain the frames from the filter's entry method to the last application method,
 * each with the line of its outgoing call; empty for a declaration
 * @param blockingApi the blocking API reached, e.g.
 * {@code java.sql.PreparedStatement.executeUpdate}, or {@code null} for a declaration
 * @param description what this is, in words (e.g. "JDBC statement execution", or
 * "declared @Blocking: writes an audit row")
 */
public record Evidence(List<CallSite> chain, @Nullable String blockingApi, String description) {

	public Evidence {
		chain = List.copyOf(chain);
	}

	/**
	 * Evidence that comes from a declaration rather than analysis.
	 * @param description what was declared
	 * @return the evidence
	 */
	public static Evidence declared(String description) {
		return new Evidence(List.of(), null, description);
	}

	/**
	 * Whether this evidence is a declaration.
	 * @return {@code true} for an annotation or interface declaration
	 */
	public boolean isDeclared() {
		return this.blockingApi == null;
	}

	@Override
	public String toString() {
		if (isDeclared()) {
			return this.description;
		}
		String path = this.chain.stream().map(CallSite::toString).collect(Collectors.joining(" -> "));
		return path.isEmpty() ? this.blockingApi : path + " -> " + this.blockingApi;
	}

}
