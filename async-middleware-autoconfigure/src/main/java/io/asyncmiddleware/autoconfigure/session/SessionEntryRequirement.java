package io.asyncmiddleware.autoconfigure.session;

import java.util.List;

/**
 * The rule that entries reading {@code request.session} come after the {@code session}
 * entry, checked at startup as Django's {@code AuthenticationMiddleware} checks it.
 */
public final class SessionEntryRequirement {

	/** The name of the session entry in {@code async-middleware.stack}. */
	public static final String SESSION = "session";

	private SessionEntryRequirement() {
	}

	/**
	 * Checks that the stack has {@code session} before {@code entry} when it has
	 * {@code entry} at all.
	 * @param stack the names in {@code async-middleware.stack}, in order
	 * @param entry the entry that needs the session, e.g. {@code authentication}
	 * @throws IllegalStateException naming the fix when the rule is broken
	 */
	public static void check(List<String> stack, String entry) {
		int dependent = stack.indexOf(entry);
		if (dependent < 0) {
			return;
		}
		int session = stack.indexOf(SESSION);
		if (session < 0 || session > dependent) {
			throw new IllegalStateException("The " + entry + " middleware requires session middleware to be installed. "
					+ "Edit your async-middleware.stack setting to insert '" + SESSION + "' before '" + entry
					+ "' (stack: " + stack + ").");
		}
	}

}
