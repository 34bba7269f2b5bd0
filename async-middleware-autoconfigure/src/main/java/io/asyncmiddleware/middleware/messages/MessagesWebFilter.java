package io.asyncmiddleware.middleware.messages;

import java.util.List;
import java.util.stream.Collectors;

import io.asyncmiddleware.chain.ComposedStackWebFilter;
import io.asyncmiddleware.chain.SynchronousRequestStep;
import io.asyncmiddleware.request.StackExchange;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * The {@code messages} entry, Django's {@code MessageMiddleware}: gives each request its
 * {@link Messages} and, before the response is committed, stores what the next request
 * must see. It never adds {@code Vary: Cookie} itself.
 *
 * <p>In the stack the update is a commit action, which runs before those of the entries
 * above it (the session's save). Used on its own, in a chain whose commit actions run
 * outermost first, the update runs as the handler starts writing the response, so that it
 * precedes the session's own save even when the session was loaded by an earlier entry. When the
 * handler writes nothing, or fails, it runs as the chain completes, before the empty
 * response or the error page is committed (Django also stores messages on a 500); a
 * commit action is the last resort.
 */
public class MessagesWebFilter implements WebFilter, SynchronousRequestStep {

	private static final Log logger = LogFactory.getLog(MessagesWebFilter.class);

	private final MessageStorage storage;

	private final Level level;

	private final MessageTags tags;

	/**
	 * Creates the filter.
	 * @param storage where messages wait between requests
	 * @param level the minimum level of messages kept (Django: {@code MESSAGE_LEVEL})
	 * @param tags the tags of the levels (Django: {@code MESSAGE_TAGS})
	 */
	public MessagesWebFilter(MessageStorage storage, Level level, MessageTags tags) {
		this.storage = storage;
		this.level = level;
		this.tags = tags;
	}

	/**
	 * The storage in use.
	 * @return the storage
	 */
	public MessageStorage getStorage() {
		return this.storage;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerWebExchange passed = passThrough(exchange);
		if (passed != null) {
			return chain.filter(passed);
		}
		Messages messages = install(exchange);
		ServerHttpResponse response = exchange.getResponse();
		ServerWebExchange updating = StackExchange.withResponse(exchange, new UpdatingResponse(response, messages));
		return chain.filter(updating)
			.then(Mono.defer(() -> response.isCommitted() ? Mono.empty() : update(messages)))
			.onErrorResume((ex) -> (response.isCommitted() ? Mono.<Void>empty() : update(messages))
				.then(Mono.error(ex)));
	}

	/**
	 * In the stack the commit action runs before the actions of the entries above (the
	 * session's save), as Django's process_response does, also for an empty response or an
	 * error page: nothing else to arrange.
	 * @param exchange the exchange
	 * @return the exchange, or {@code null} outside a stack whose commit actions run
	 * innermost first
	 */
	@Override
	public @Nullable ServerWebExchange passThrough(ServerWebExchange exchange) {
		if (!ComposedStackWebFilter.commitsInnermostFirst(exchange)) {
			return null;
		}
		install(exchange);
		return exchange;
	}

	private Messages install(ServerWebExchange exchange) {
		Messages messages = new Messages(exchange, this.storage, this.level, this.tags);
		Messages.SLOT.set(exchange, messages);
		exchange.getResponse().beforeCommit(() -> update(messages));
		return messages;
	}

	private Mono<Void> update(Messages messages) {
		if (!messages.needsUpdate()) {
			// the request neither read nor added messages: nothing to store
			return Mono.empty();
		}
		return messages.update().doOnNext(this::reportUnstored).then();
	}

	private void reportUnstored(List<Message> unstored) {
		if (!unstored.isEmpty() && logger.isWarnEnabled()) {
			logger.warn("Not all temporary messages could be stored: " + unstored.size() + " dropped ("
					+ unstored.stream().map(this::describe).collect(Collectors.joining(", "))
					+ ") because the messages cookie is limited to " + CookieMessageStorage.MAX_COOKIE_SIZE
					+ " bytes; use async-middleware.messages.storage=fallback or session to keep them");
		}
	}

	private String describe(Message message) {
		return "level " + message.level() + ", " + message.text().length() + " chars";
	}

	/** Stores the messages just before the response starts to be written. */
	private final class UpdatingResponse extends ServerHttpResponseDecorator {

		private final Messages messages;

		UpdatingResponse(ServerHttpResponse delegate, Messages messages) {
			super(delegate);
			this.messages = messages;
		}

		@Override
		public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
			return update(this.messages).then(Mono.defer(() -> super.writeWith(body)));
		}

		@Override
		public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
			return update(this.messages).then(Mono.defer(() -> super.writeAndFlushWith(body)));
		}

		@Override
		public Mono<Void> setComplete() {
			return update(this.messages).then(Mono.defer(super::setComplete));
		}

	}

}
