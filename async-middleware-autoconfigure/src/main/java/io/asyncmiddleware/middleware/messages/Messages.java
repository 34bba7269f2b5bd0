package io.asyncmiddleware.middleware.messages;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import io.asyncmiddleware.request.RequestSlot;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.util.Assert;
import org.springframework.web.server.ServerWebExchange;

/**
 * The one-time messages of the current request, like Django's {@code request._messages}
 * with the {@code django.contrib.messages} API: a handler adds messages, and the next
 * request that {@linkplain #read() reads} them consumes them.
 *
 * <pre class="code">
 * Messages.of(exchange).success("Profile saved.");
 * return ServerResponse.seeOther(URI.create("/profile/")).build();
 * ...
 * Messages.of(exchange).read().map(Message::text).collectList()
 * </pre>
 *
 * <p>The rules are Django's: a message below the {@linkplain #level() current level}
 * or with empty text is dropped; reading marks every message read as used, and only
 * messages added after the read are stored for the next request; adding without reading
 * keeps the old messages and the new ones; neither leaves the storage untouched.
 * {@link #count()} does not consume.
 *
 * <p>Obtain it with {@link #of(ServerWebExchange)} or as an argument of an annotated
 * handler method; the {@code messages} entry of the stack creates it for each request.
 */
public final class Messages {

	/**
	 * The exchange attribute holding the messages of a request outside a composed stack;
	 * inside one they are in the request's {@link RequestSlot}.
	 */
	public static final String ATTRIBUTE = Messages.class.getName();

	static final RequestSlot<Messages> SLOT = RequestSlot.named(ATTRIBUTE);

	private final ServerWebExchange exchange;

	private final @Nullable MessageStorage storage;

	private final Level defaultLevel;

	private final MessageTags tags;

	// read from storage on first use (Django's storage loads lazily too): most requests
	// never look at their messages
	private @Nullable Mono<StoredMessages> stored;

	private final AtomicBoolean updated = new AtomicBoolean();

	private Level level;

	private List<Message> loaded = List.of();

	private final List<Message> queued = new ArrayList<>();

	private boolean used;

	private boolean addedNew;

	Messages(ServerWebExchange exchange, @Nullable MessageStorage storage, Level defaultLevel, MessageTags tags) {
		this.exchange = exchange;
		this.storage = storage;
		this.defaultLevel = defaultLevel;
		this.level = defaultLevel;
		this.tags = tags;
	}

	private synchronized Mono<StoredMessages> stored() {
		Mono<StoredMessages> stored = this.stored;
		if (stored == null) {
			stored = (this.storage != null) ? this.storage.read(this.exchange).doOnNext(this::setLoaded).cache()
					: Mono.just(StoredMessages.NONE);
			this.stored = stored;
		}
		return stored;
	}

	/**
	 * Whether the response must update the storage: the messages were read or added, and
	 * the storage was not updated yet.
	 * @return whether {@link #update()} has work to do
	 */
	synchronized boolean needsUpdate() {
		return this.storage != null && (this.used || this.addedNew) && !this.updated.get();
	}

	/**
	 * Returns the messages of the request.
	 * @param exchange the current exchange
	 * @return the messages
	 * @throws MessageFailureException if the {@code messages} entry is not in the stack
	 */
	public static Messages of(ServerWebExchange exchange) {
		return of(exchange, false);
	}

	/**
	 * Returns the messages of the request, like Django's {@code fail_silently}.
	 * @param exchange the current exchange
	 * @param failSilently without the {@code messages} entry, whether to return messages
	 * that drop what is added and read as empty, rather than throw
	 * @return the messages
	 * @throws MessageFailureException if the {@code messages} entry is not in the stack
	 * and {@code failSilently} is {@code false}
	 */
	public static Messages of(ServerWebExchange exchange, boolean failSilently) {
		Messages messages = SLOT.get(exchange);
		if (messages != null) {
			return messages;
		}
		if (!failSilently) {
			throw new MessageFailureException();
		}
		return new Messages(exchange, null, Level.INFO, MessageTags.defaults());
	}

	/**
	 * Adds a message, unless its text is empty or its level below the current level.
	 * @param level the level
	 * @param text the text
	 */
	public void add(Level level, @Nullable String text) {
		add(level, text, "");
	}

	/**
	 * Adds a message with extra tags, unless its text is empty or its level below the
	 * current level.
	 * @param level the level
	 * @param text the text
	 * @param extraTags tags put before the level's tag, e.g. {@code "extra-tag"}
	 */
	public synchronized void add(Level level, @Nullable String text, @Nullable String extraTags) {
		Assert.notNull(level, "'level' must not be null");
		if (this.storage == null || text == null || text.isEmpty() || level.compareTo(this.level) < 0) {
			return;
		}
		this.addedNew = true;
		this.queued.add(new Message(level.value(), text, (extraTags != null) ? extraTags : "",
				this.tags.tagOf(level.value())));
	}

	/**
	 * Adds a {@link Level#DEBUG} message.
	 * @param text the text
	 */
	public void debug(String text) {
		add(Level.DEBUG, text);
	}

	/**
	 * Adds a {@link Level#INFO} message.
	 * @param text the text
	 */
	public void info(String text) {
		add(Level.INFO, text);
	}

	/**
	 * Adds a {@link Level#SUCCESS} message.
	 * @param text the text
	 */
	public void success(String text) {
		add(Level.SUCCESS, text);
	}

	/**
	 * Adds a {@link Level#WARNING} message.
	 * @param text the text
	 */
	public void warning(String text) {
		add(Level.WARNING, text);
	}

	/**
	 * Adds a {@link Level#ERROR} message.
	 * @param text the text
	 */
	public void error(String text) {
		add(Level.ERROR, text);
	}

	/**
	 * The minimum level of messages added in this request.
	 * @return the current level, {@code async-middleware.messages.level} unless set
	 */
	public synchronized Level level() {
		return this.level;
	}

	/**
	 * Sets the minimum level for this request, as Django's {@code set_level}.
	 * @param level the level, or {@code null} to go back to the configured one
	 */
	public synchronized void setLevel(@Nullable Level level) {
		this.level = (level != null) ? level : this.defaultLevel;
	}

	/**
	 * Reads the pending messages, oldest first, including those added in this request,
	 * and consumes them: they are not stored for the next request.
	 * @return the messages
	 */
	public Flux<Message> read() {
		return stored().flatMapIterable((stored) -> consume());
	}

	private synchronized List<Message> consume() {
		this.used = true;
		if (!this.queued.isEmpty()) {
			List<Message> all = new ArrayList<>(this.loaded);
			all.addAll(this.queued);
			this.loaded = List.copyOf(all);
			this.queued.clear();
		}
		return this.loaded;
	}

	/**
	 * Counts the pending messages, including those added in this request, without
	 * consuming them (Django's {@code len()}).
	 * @return the number of messages
	 */
	public Mono<Integer> count() {
		return stored().map((stored) -> size());
	}

	private synchronized int size() {
		return this.loaded.size() + this.queued.size();
	}

	private synchronized void setLoaded(StoredMessages stored) {
		this.loaded = stored.messages();
	}

	/**
	 * Stores what the next request must see; runs once, before the response is
	 * committed.
	 * @return the messages that could not be stored
	 */
	Mono<List<Message>> update() {
		MessageStorage storage = this.storage;
		return Mono.defer(() -> {
			if (storage == null || !this.updated.compareAndSet(false, true)) {
				return Mono.just(List.<Message>of());
			}
			boolean used;
			boolean addedNew;
			synchronized (this) {
				used = this.used;
				addedNew = this.addedNew;
			}
			if (!used && !addedNew) {
				return Mono.just(List.<Message>of());
			}
			return stored().flatMap((stored) -> storage.write(this.exchange, pending(used), stored));
		});
	}

	private synchronized List<Message> pending(boolean used) {
		if (used) {
			return List.copyOf(this.queued);
		}
		List<Message> all = new ArrayList<>(this.loaded);
		all.addAll(this.queued);
		return all;
	}

}
