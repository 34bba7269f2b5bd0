package io.asyncmiddleware.autoconfigure.csrf;

import java.util.List;

/**
 * The stack order the {@code csrf} entry needs: with {@code use-sessions}, {@code session}
 * must come before {@code csrf}, as Django requires SessionMiddleware before
 * CsrfViewMiddleware with CSRF_USE_SESSIONS. The stack assembler calls {@link #check}.
 */
public final class CsrfStackRequirement {

	private final boolean useSessions;

	/**
	 * Creates the requirement.
	 * @param useSessions whether the secret lives in the session
	 */
	public CsrfStackRequirement(boolean useSessions) {
		this.useSessions = useSessions;
	}

	/**
	 * Checks the stack.
	 * @param stack the entry names of {@code async-middleware.stack}, in order
	 * @throws IllegalStateException if the session is needed but not before {@code csrf}
	 */
	public void check(List<String> stack) {
		if (this.useSessions) {
			requireSessionBeforeCsrf(stack);
		}
	}

	/**
	 * Checks that {@code session} comes before {@code csrf} when {@code csrf} is in the stack.
	 * @param stack the entry names, in order
	 * @throws IllegalStateException naming the fix otherwise
	 */
	public static void requireSessionBeforeCsrf(List<String> stack) {
		int csrf = stack.indexOf("csrf");
		if (csrf < 0) {
			return;
		}
		int session = stack.indexOf("session");
		if (session < 0 || session > csrf) {
			throw new IllegalStateException("async-middleware.csrf.use-sessions is enabled, but no session is set "
					+ "when 'csrf' runs. 'session' must appear before 'csrf' in async-middleware.stack (Django: "
					+ "CSRF_USE_SESSIONS is enabled, but request.session is not set. SessionMiddleware must appear "
					+ "before CsrfViewMiddleware in MIDDLEWARE.)");
		}
	}

}
