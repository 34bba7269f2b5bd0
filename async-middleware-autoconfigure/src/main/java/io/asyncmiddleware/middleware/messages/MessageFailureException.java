package io.asyncmiddleware.middleware.messages;

/**
 * Thrown when a handler adds a message but the {@code messages} entry is not in the
 * stack, like Django's {@code MessageFailure}.
 */
public class MessageFailureException extends IllegalStateException {

	static final String MESSAGE = "You cannot add messages without the messages middleware: add 'messages' to "
			+ "async-middleware.stack (Django: install django.contrib.messages.middleware.MessageMiddleware), "
			+ "or use Messages.of(exchange, true) to fail silently";

	MessageFailureException() {
		super(MESSAGE);
	}

}
