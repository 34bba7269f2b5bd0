package io.asyncmiddleware.autoconfigure.springsecurity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.asyncmiddleware.autoconfigure.clickjacking.XFrameOptionsMiddlewareAutoConfiguration;
import io.asyncmiddleware.autoconfigure.csrf.CsrfMiddlewareAutoConfiguration;
import io.asyncmiddleware.autoconfigure.security.SecurityMiddlewareAutoConfiguration;

/**
 * The parts of Spring Security's chain that stack entries also do, by entry: what a
 * response must get from one of them only.
 */
final class StackOwnedHeaders {

	/** Spring Security's CSRF filter, the counterpart of the {@code csrf} entry. */
	static final String SPRING_CSRF_FILTER = "org.springframework.security.web.server.csrf.CsrfWebFilter";

	/** Spring Security's header filter. */
	static final String SPRING_HEADER_FILTER = "org.springframework.security.web.server.header.HttpHeaderWriterWebFilter";

	/** Header names (as Spring Security writes them) by the entry that writes them too. */
	private static final Map<String, List<String>> HEADERS_BY_ENTRY = Map.of(
			XFrameOptionsMiddlewareAutoConfiguration.ENTRY, List.of("X-Frame-Options"),
			SecurityMiddlewareAutoConfiguration.ENTRY, List.of("Strict-Transport-Security", "X-Content-Type-Options",
					"Referrer-Policy", "Cross-Origin-Opener-Policy"));

	private StackOwnedHeaders() {
	}

	/**
	 * Whether the stack checks CSRF itself.
	 * @param stack the declared stack
	 * @return {@code true} if it names the {@code csrf} entry
	 */
	static boolean ownsCsrf(Set<String> stack) {
		return stack.contains(CsrfMiddlewareAutoConfiguration.ENTRY);
	}

	/**
	 * The headers the stack writes itself, each with the entry that writes it.
	 * @param stack the declared stack
	 * @return entry name by header name, in a stable order
	 */
	static Map<String, String> owned(Set<String> stack) {
		Map<String, String> owned = new LinkedHashMap<>();
		for (String entry : List.of(XFrameOptionsMiddlewareAutoConfiguration.ENTRY,
				SecurityMiddlewareAutoConfiguration.ENTRY)) {
			if (stack.contains(entry)) {
				HEADERS_BY_ENTRY.get(entry).forEach((header) -> owned.put(header, entry));
			}
		}
		return owned;
	}

}
