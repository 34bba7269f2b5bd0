package io.asyncmiddleware.middleware.messages;

import java.util.List;
import java.util.Set;

/**
 * What a {@link MessageStorage} read for a request.
 *
 * @param messages the messages, oldest first
 * @param allRetrieved {@code false} when the storage said that more messages are stored
 * elsewhere (Django's not-finished sentinel)
 * @param holders the storages that held some of the messages, to be flushed once they
 * are no longer needed
 */
public record StoredMessages(List<Message> messages, boolean allRetrieved, Set<MessageStorage> holders) {

	/** Nothing stored. */
	public static final StoredMessages NONE = new StoredMessages(List.of(), true, Set.of());

	public StoredMessages {
		messages = List.copyOf(messages);
		holders = Set.copyOf(holders);
	}

	/**
	 * Messages read from one storage.
	 * @param storage the storage they came from
	 * @param messages the messages
	 * @param allRetrieved whether the storage holds them all
	 * @return the result, with the storage as holder when there are messages
	 */
	static StoredMessages from(MessageStorage storage, List<Message> messages, boolean allRetrieved) {
		return new StoredMessages(messages, allRetrieved, messages.isEmpty() ? Set.of() : Set.of(storage));
	}

}
