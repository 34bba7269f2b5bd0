package io.asyncmiddleware.middleware.messages;

import java.util.Base64;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;

/**
 * Keeps messages in the {@link WebSession} under {@value #ATTRIBUTE}, like Django's
 * {@code SessionStorage}. The value is a string, so any session store can hold it. The
 * session is reached reactively through {@link ServerWebExchange#getSession()}.
 */
public final class SessionMessageStorage implements MessageStorage {

	/** The session attribute holding the messages (Django: {@code _messages}). */
	public static final String ATTRIBUTE = "_messages";

	private final MessageCodec codec;

	/**
	 * Creates a session storage.
	 * @param tags the tags of the levels, given to the messages read
	 */
	public SessionMessageStorage(MessageTags tags) {
		this.codec = new MessageCodec(tags);
	}

	@Override
	public Mono<StoredMessages> read(ServerWebExchange exchange) {
		return exchange.getSession().map(this::read);
	}

	private StoredMessages read(WebSession session) {
		if (!(session.getAttributes().get(ATTRIBUTE) instanceof String value)) {
			return StoredMessages.NONE;
		}
		MessageCodec.Decoded decoded;
		try {
			decoded = this.codec.decode(Base64.getUrlDecoder().decode(value));
		}
		catch (IllegalArgumentException ex) {
			decoded = null;
		}
		return (decoded != null) ? StoredMessages.from(this, decoded.messages(), true) : StoredMessages.NONE;
	}

	@Override
	public Mono<List<Message>> write(ServerWebExchange exchange, List<Message> messages, StoredMessages previous) {
		return exchange.getSession().map((session) -> {
			if (messages.isEmpty()) {
				session.getAttributes().remove(ATTRIBUTE);
			}
			else {
				byte[] data = this.codec.encode(messages, false);
				session.getAttributes().put(ATTRIBUTE, Base64.getUrlEncoder().withoutPadding().encodeToString(data));
			}
			return List.of();
		});
	}

}
