package io.asyncmiddleware.middleware.session;

import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * The session store could not be reached in time (connection refused or lost, command
 * or connect timeout, commands rejected while the client reconnects). The
 * {@code session} entry answers it with {@code 503 Service Unavailable} and
 * {@code Retry-After}: the request was fine, the store will be back.
 *
 * <p>Other store failures (a bug, data that no longer deserializes) are left as they are.
 */
public class SessionStoreUnavailableException extends ResponseStatusException {

	// By name: neither Spring's DAO exceptions nor Lettuce need be on the class path.
	// Matches a class or any of its superclasses.
	private static final Set<String> UNAVAILABLE = Set.of("org.springframework.dao.DataAccessResourceFailureException",
			"org.springframework.dao.TransientDataAccessException", "io.lettuce.core.RedisConnectionException",
			"io.lettuce.core.RedisCommandTimeoutException", "java.util.concurrent.TimeoutException",
			"java.net.ConnectException", "java.nio.channels.ClosedChannelException", "java.sql.SQLTransientException",
			"java.sql.SQLNonTransientConnectionException");

	// Lettuce raises its base exception itself for client-side refusals ("Currently not
	// connected. Commands are rejected.", "Request queue size exceeded", "Connection
	// closed"); errors Redis answers are subclasses (RedisCommandExecutionException).
	private static final String LETTUCE_CLIENT_REFUSAL = "io.lettuce.core.RedisException";

	private static final int MAX_CAUSE_DEPTH = 16;

	/**
	 * Creates the exception.
	 * @param cause what the store raised
	 */
	public SessionStoreUnavailableException(Throwable cause) {
		super(HttpStatus.SERVICE_UNAVAILABLE, "Session store unavailable", cause);
	}

	/**
	 * Whether a store failure means the store is unreachable for now, looking through
	 * the causes (Spring Data wraps Lettuce's exceptions).
	 * @param failure what the store raised
	 * @return {@code true} for an outage, {@code false} for anything else
	 */
	public static boolean isUnavailability(Throwable failure) {
		// bounded: a cause chain can loop
		@Nullable Throwable current = failure;
		for (int depth = 0; current != null && depth < MAX_CAUSE_DEPTH; depth++, current = current.getCause()) {
			if (current instanceof SessionStoreUnavailableException
					|| LETTUCE_CLIENT_REFUSAL.equals(current.getClass().getName())) {
				return true;
			}
			for (Class<?> type = current.getClass(); type != null; type = type.getSuperclass()) {
				if (UNAVAILABLE.contains(type.getName())) {
					return true;
				}
			}
		}
		return false;
	}

	static Throwable translate(Throwable failure) {
		return (!(failure instanceof SessionStoreUnavailableException) && isUnavailability(failure))
				? new SessionStoreUnavailableException(failure) : failure;
	}

}
