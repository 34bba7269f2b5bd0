package io.asyncmiddleware.middleware.session;

import java.time.Duration;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.util.Assert;
import org.springframework.web.server.WebSession;
import org.springframework.web.server.session.WebSessionStore;

/**
 * The request's session as the {@code session} entry hands it out from
 * {@code ServerWebExchange.getSession()}: a {@link WebSession} of the session store that
 * records, like Django's session, whether it was accessed and modified, and follows
 * Django's rules for flushing and key cycling.
 *
 * <ul>
 * <li>{@link #invalidate()} is Django's {@code flush()}: the stored session is deleted and
 * this object goes on as a new, empty session without a key; writing to it afterwards
 * creates a new session under a new key.</li>
 * <li>{@link #changeSessionId()} is Django's {@code cycle_key()}: same data, new key, the
 * old key deleted.</li>
 * <li>{@link #setMaxIdleTime(Duration)} is Django's {@code set_expiry(seconds)}; zero means
 * "until the browser closes". {@link #setExpiry(Duration)} with {@code null} goes back to
 * the configured policy. The custom expiry is kept in the session data under
 * {@value #EXPIRY_ATTRIBUTE}, as Django does.</li>
 * </ul>
 */
public final class TrackedWebSession implements WebSession {

	/** The session attribute holding a custom expiry in seconds (Django's key). */
	public static final String EXPIRY_ATTRIBUTE = "_session_expiry";

	private final WebSessionStore store;

	// The stored session; null while the session has no key (new or flushed), when the
	// data lives in 'pending' until the first save, as Django makes a key only on save.
	private @Nullable WebSession delegate;

	// The key the session was loaded under, to tell on save whether it is still stored.
	private final @Nullable String loadedKey;

	private Map<String, Object> pending = new LinkedHashMap<>();

	private boolean accessed;

	private boolean modified;

	private final Instant created = Instant.now();

	private final Map<String, Object> attributes = new TrackedAttributes();

	TrackedWebSession(WebSessionStore store, @Nullable WebSession stored) {
		this.store = store;
		this.delegate = stored;
		this.loadedKey = (stored != null) ? stored.getId() : null;
	}

	/**
	 * Whether the session data was read or written during this request (Django:
	 * {@code accessed}); decides {@code Vary: Cookie}.
	 * @return {@code true} once accessed
	 */
	public boolean isAccessed() {
		return this.accessed;
	}

	/**
	 * Whether the session data changed during this request (Django: {@code modified});
	 * decides whether the session is saved and its cookie sent.
	 * @return {@code true} once modified
	 */
	public boolean isModified() {
		return this.modified;
	}

	/**
	 * Whether the session has neither a stored key nor data (Django: {@code is_empty()}).
	 * @return {@code true} for a new session that holds nothing, or a flushed one
	 */
	public boolean isEmpty() {
		return this.delegate == null && this.pending.isEmpty();
	}

	/**
	 * Sets or clears the session's custom expiry (Django: {@code set_expiry}).
	 * @param expiry seconds until the session expires, zero to end it with the browser
	 * session, or {@code null} to follow {@code cookie-age} and
	 * {@code expire-at-browser-close} again
	 */
	public void setExpiry(@Nullable Duration expiry) {
		if (expiry == null) {
			this.attributes.remove(EXPIRY_ATTRIBUTE);
		}
		else {
			Assert.isTrue(!expiry.isNegative(), "'expiry' must not be negative");
			this.attributes.put(EXPIRY_ATTRIBUTE, Math.toIntExact(expiry.toSeconds()));
		}
	}

	/**
	 * The custom expiry set with {@link #setExpiry(Duration)}, read without marking the
	 * session accessed.
	 * @return the expiry, or {@code null} when none is set
	 */
	public @Nullable Duration getExpiry() {
		Object seconds = data().get(EXPIRY_ATTRIBUTE);
		return (seconds instanceof Number number) ? Duration.ofSeconds(number.longValue()) : null;
	}

	/**
	 * The session key; empty while the session has none (before its first save, or after a
	 * flush), as Django's {@code session_key} is {@code None} then.
	 */
	@Override
	public String getId() {
		return (this.delegate != null) ? this.delegate.getId() : "";
	}

	@Override
	public Map<String, Object> getAttributes() {
		return this.attributes;
	}

	@Override
	public void start() {
		this.accessed = true;
		this.modified = true;
	}

	@Override
	public boolean isStarted() {
		return this.delegate != null || this.modified;
	}

	/**
	 * Django's {@code cycle_key()}: the data moves to a new key, the old one is deleted; a
	 * session without a key is saved under a new one.
	 */
	@Override
	public Mono<Void> changeSessionId() {
		return Mono.defer(() -> {
			this.accessed = true;
			this.modified = true;
			WebSession stored = this.delegate;
			if (stored == null) {
				return materialize().flatMap(WebSession::save);
			}
			// Spring Session makes the new id with UUID.randomUUID() (SecureRandom)
			return stored.changeSessionId().subscribeOn(Schedulers.boundedElastic());
		}).onErrorMap(SessionStoreUnavailableException::translate);
	}

	/**
	 * Django's {@code flush()}: the stored session is deleted and this session goes on
	 * empty and without a key.
	 */
	@Override
	public Mono<Void> invalidate() {
		return Mono.defer(() -> {
			this.accessed = true;
			this.modified = true;
			WebSession stored = this.delegate;
			this.delegate = null;
			this.pending = new LinkedHashMap<>();
			return (stored != null) ? stored.invalidate() : Mono.empty();
		}).onErrorMap(SessionStoreUnavailableException::translate);
	}

	/**
	 * Saves the session to the store, giving it a key first if it has none. The entry
	 * calls this on the way out; handlers need not.
	 */
	@Override
	public Mono<Void> save() {
		return Mono.defer(() -> stillStored().then(materialize()).flatMap(WebSession::save))
			.onErrorMap(SessionStoreUnavailableException::translate);
	}

	Mono<Void> save(Duration storeLifetime) {
		return Mono.defer(() -> stillStored().then(materialize()).flatMap((stored) -> {
			stored.setMaxIdleTime(storeLifetime);
			return stored.save();
		})).onErrorMap(SessionStoreUnavailableException::translate);
	}

	/**
	 * Django's {@code UpdateError} check: a session loaded from the store must still be
	 * there when it is saved, or a concurrent logout would be undone. Costs one store read,
	 * only when a loaded session is saved; a session that was flushed or had its key cycled
	 * in this request is saved as new.
	 */
	private Mono<Void> stillStored() {
		WebSession stored = this.delegate;
		String key = this.loadedKey;
		if (stored == null || key == null || !key.equals(stored.getId())) {
			return Mono.empty();
		}
		return this.store.retrieveSession(key)
			.hasElement()
			.flatMap((present) -> present ? Mono.<Void>empty() : Mono.error(new SessionInterruptedException()));
	}

	private Mono<WebSession> materialize() {
		WebSession stored = this.delegate;
		if (stored != null) {
			return Mono.just(stored);
		}
		// Spring Session makes the id with UUID.randomUUID() (SecureRandom): not on the
		// event loop. This happens once per session, when it is first saved.
		return this.store.createWebSession().subscribeOn(Schedulers.boundedElastic()).map((created) -> {
			created.getAttributes().putAll(this.pending);
			this.pending = new LinkedHashMap<>();
			this.delegate = created;
			return created;
		});
	}

	/**
	 * A flushed or brand-new session is never expired: Django's flush leaves a usable,
	 * empty session behind.
	 */
	@Override
	public boolean isExpired() {
		return false;
	}

	@Override
	public Instant getCreationTime() {
		return (this.delegate != null) ? this.delegate.getCreationTime() : this.created;
	}

	@Override
	public Instant getLastAccessTime() {
		return (this.delegate != null) ? this.delegate.getLastAccessTime() : this.created;
	}

	/**
	 * Django's {@code set_expiry(seconds)}: see {@link #setExpiry(Duration)}.
	 */
	@Override
	public void setMaxIdleTime(Duration maxIdleTime) {
		setExpiry(maxIdleTime);
	}

	/**
	 * The custom expiry if one is set, else the stored session's idle time.
	 */
	@Override
	public Duration getMaxIdleTime() {
		Duration expiry = getExpiry();
		if (expiry != null) {
			return expiry;
		}
		return (this.delegate != null) ? this.delegate.getMaxIdleTime() : Duration.ZERO;
	}

	private Map<String, Object> data() {
		return (this.delegate != null) ? this.delegate.getAttributes() : this.pending;
	}

	@Override
	public String toString() {
		return "TrackedWebSession[stored=" + (this.delegate != null) + ", accessed=" + this.accessed + ", modified="
				+ this.modified + "]";
	}

	/**
	 * The session data; reads mark the session accessed, changes mark it modified.
	 */
	private final class TrackedAttributes extends AbstractMap<String, Object> {

		private Map<String, Object> data() {
			TrackedWebSession.this.accessed = true;
			return TrackedWebSession.this.data();
		}

		private void changed() {
			TrackedWebSession.this.modified = true;
		}

		@Override
		public int size() {
			return data().size();
		}

		@Override
		public boolean isEmpty() {
			return data().isEmpty();
		}

		@Override
		public boolean containsKey(Object key) {
			return data().containsKey(key);
		}

		@Override
		public @Nullable Object get(Object key) {
			return data().get(key);
		}

		@Override
		public @Nullable Object put(String key, Object value) {
			Assert.notNull(value, "Session attribute values must not be null");
			changed();
			return data().put(key, value);
		}

		@Override
		public @Nullable Object remove(Object key) {
			Map<String, Object> data = data();
			if (!data.containsKey(key)) {
				return null;
			}
			changed();
			return data.remove(key);
		}

		@Override
		public void clear() {
			changed();
			data().clear();
		}

		@Override
		public Set<Entry<String, Object>> entrySet() {
			return new AbstractSet<>() {

				@Override
				public Iterator<Entry<String, Object>> iterator() {
					Iterator<Entry<String, Object>> entries = Map.copyOf(data()).entrySet().iterator();
					return new Iterator<>() {

						private @Nullable Entry<String, Object> current;

						@Override
						public boolean hasNext() {
							return entries.hasNext();
						}

						@Override
						public Entry<String, Object> next() {
							this.current = entries.next();
							return this.current;
						}

						@Override
						public void remove() {
							Assert.state(this.current != null, "next() has not been called");
							TrackedAttributes.this.remove(this.current.getKey());
							this.current = null;
						}

					};
				}

				@Override
				public int size() {
					return data().size();
				}

			};
		}

	}

}
