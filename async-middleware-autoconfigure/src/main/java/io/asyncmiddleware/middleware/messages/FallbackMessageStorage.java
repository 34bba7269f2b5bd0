package io.asyncmiddleware.middleware.messages;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import reactor.core.publisher.Mono;

import org.springframework.web.server.ServerWebExchange;

/**
 * The default storage, like Django's {@code FallbackStorage}: messages go to the cookie
 * while they fit (oldest first) and the rest to the session. Reading looks at the
 * session only when the cookie says more messages are stored elsewhere, so
 * cookie-only traffic never touches the session. A storage that held messages is
 * cleared once they are no longer needed.
 */
public final class FallbackMessageStorage implements MessageStorage {

	private final CookieMessageStorage cookie;

	private final SessionMessageStorage session;

	/**
	 * Creates a fallback storage.
	 * @param cookie the first storage
	 * @param session where messages that do not fit in the cookie go
	 */
	public FallbackMessageStorage(CookieMessageStorage cookie, SessionMessageStorage session) {
		this.cookie = cookie;
		this.session = session;
	}

	@Override
	public Mono<StoredMessages> read(ServerWebExchange exchange) {
		return this.cookie.read(exchange).flatMap((fromCookie) -> {
			if (fromCookie.allRetrieved()) {
				return Mono.just(fromCookie);
			}
			return this.session.read(exchange).map((fromSession) -> {
				List<Message> messages = new ArrayList<>(fromCookie.messages());
				messages.addAll(fromSession.messages());
				Set<MessageStorage> holders = new HashSet<>(fromCookie.holders());
				holders.addAll(fromSession.holders());
				return new StoredMessages(messages, fromSession.allRetrieved(), holders);
			});
		});
	}

	@Override
	public Mono<List<Message>> write(ServerWebExchange exchange, List<Message> messages, StoredMessages previous) {
		Mono<List<Message>> afterCookie;
		if (!messages.isEmpty()) {
			afterCookie = this.cookie.write(exchange, messages, false);
		}
		else if (previous.holders().contains(this.cookie)) {
			afterCookie = this.cookie.write(exchange, List.of(), false);
		}
		else {
			afterCookie = Mono.just(List.of());
		}
		return afterCookie.flatMap((rest) -> {
			if (!rest.isEmpty() || previous.holders().contains(this.session)) {
				return this.session.write(exchange, rest, previous);
			}
			return Mono.just(List.of());
		});
	}

}
