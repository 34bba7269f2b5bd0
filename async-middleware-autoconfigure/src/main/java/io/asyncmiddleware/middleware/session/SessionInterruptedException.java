package io.asyncmiddleware.middleware.session;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Django's {@code SessionInterrupted}: the session this request loaded and changed was
 * deleted from the store before the request could save it, typically by a logout or
 * flush in a concurrent request. Saving it would bring the deleted session back (with
 * its login); the {@code session} entry answers {@code 400} instead, as Django does.
 */
public class SessionInterruptedException extends ResponseStatusException {

	/** Django's message. */
	public static final String REASON = "The request's session was deleted before the request completed. "
			+ "The user may have logged out in a concurrent request, for example.";

	/**
	 * Creates the exception.
	 */
	public SessionInterruptedException() {
		super(HttpStatus.BAD_REQUEST, REASON);
	}

}
