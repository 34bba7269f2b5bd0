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
 * @param suggestion the non-blocking alternative to the API reached (e.g. "WebClient
 * (spring-webflux)"), or {@code null} when there is none to give
 */
public record Evidence(List<CallSite> chain, @Nullable String blockingApi, String description,
		@Nullable String suggestion) {

	public Evidence {
		chain = List.copyOf(chain);
	}

	/**
	 * Evidence without a suggestion.
	 * @param chain the frames from the filter's entry method
	 * @param blockingApi the blocking API reached, or {@code null} for a declaration
	 * @param description what this is, in words
	 */
	public Evidence(List<CallSite> chain, @Nullable String blockingApi, String description) {
		this(chain, blockingApi, description, null);
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
	 * A note that explains a verdict without a call chain, e.g. why a filter could not be
	 * analysed. Rendered like a declaration.
	 * @param text the note
	 * @return the evidence
	 */
	public static Evidence note(String text) {
		return new Evidence(List.of(), null, text);
	}

	/**
	 * Whether this evidence is a declaration.
	 * @return {@code true} for an annotation or interface declaration, or a
	 * {@link #note(String) note}
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
