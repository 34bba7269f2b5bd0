package io.asyncmiddleware.middleware.session;

import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Stored session data that the store's serializer refused to read back: Django's
 * "Session data corrupted", answered the same way, as no session (the request gets a
 * new, empty one; the cookie's old key is never used again). Logged at WARN the first
 * time only, at DEBUG after that: whoever can write such data can write a lot of it.
 */
final class UnreadableSession {

	// By name: Spring Data Redis need not be on the class path. Its serializers (ours,
	// Java serialization, Jackson) all raise this one, or a subclass.
	private static final String SERIALIZATION_EXCEPTION = "org.springframework.data.redis.serializer.SerializationException";

	private static final int MAX_CAUSE_DEPTH = 16;

	private static final Log logger = LogFactory.getLog(SessionWebFilter.class);

	private static final AtomicBoolean warned = new AtomicBoolean();

	private UnreadableSession() {
	}

	static boolean isUnreadable(Throwable failure) {
		@Nullable Throwable current = failure;
		for (int depth = 0; current != null && depth < MAX_CAUSE_DEPTH; depth++, current = current.getCause()) {
			for (Class<?> type = current.getClass(); type != null; type = type.getSuperclass()) {
				if (SERIALIZATION_EXCEPTION.equals(type.getName())) {
					return true;
				}
			}
		}
		return false;
	}

	static void log(Throwable failure) {
		if (warned.compareAndSet(false, true)) {
			logger.warn("A stored session could not be read back and was treated as no session (the request gets "
					+ "a new one): " + failure.getMessage() + ". Data written by another serializer (Java "
					+ "serialization before an upgrade) or a type outside the allow-list of "
					+ "async-middleware.session.redis.allowed-types; later occurrences are logged at DEBUG");
		}
		else if (logger.isDebugEnabled()) {
			logger.debug("A stored session could not be read back and was treated as no session", failure);
		}
	}

}
