package io.asyncmiddleware.middleware.messages;

import java.util.List;

/**
 * Checks the stack for what the session storage needs, as Django raises
 * {@code ImproperlyConfigured} when session-based message storage comes without
 * {@code SessionMiddleware} before {@code MessageMiddleware}.
 *
 * <p>Only the {@code session} storage is checked: the fallback storage reaches the
 * {@code WebSession} only on overflow, and WebFlux gives every exchange a session (an
 * in-memory one unless the {@code session} entry or Spring Session provides another).
 *
 * @param sessionRequired whether the configured storage is the session storage
 */
public record MessagesStackRequirement(boolean sessionRequired) {

	/** The name of the messages entry in {@code async-middleware.stack}. */
	public static final String ENTRY = "messages";

	/** The name of the session entry in {@code async-middleware.stack}. */
	public static final String SESSION_ENTRY = "session";

	/**
	 * Checks a stack against this requirement.
	 * @param stack the entry names of {@code async-middleware.stack}, in order
	 * @throws IllegalStateException naming the fix when the stack does not meet it
	 */
	public void check(List<String> stack) {
		check(stack, this.sessionRequired);
	}

	/**
	 * Checks a stack.
	 * @param stack the entry names of {@code async-middleware.stack}, in order
	 * @param sessionStorage whether the messages entry uses the session storage
	 * @throws IllegalStateException naming the fix when the session storage is used and
	 * {@code session} does not come before {@code messages}
	 */
	public static void check(List<String> stack, boolean sessionStorage) {
		int messages = stack.indexOf(ENTRY);
		if (!sessionStorage || messages < 0) {
			return;
		}
		int session = stack.indexOf(SESSION_ENTRY);
		if (session < 0 || session > messages) {
			throw new IllegalStateException("The session-based temporary message storage requires the '"
					+ SESSION_ENTRY + "' entry to be in async-middleware.stack, before '" + ENTRY + "' (stack: "
					+ stack + "). Add '" + SESSION_ENTRY + "' before '" + ENTRY
					+ "', or set async-middleware.messages.storage to 'fallback' or 'cookie'.");
		}
	}

}
