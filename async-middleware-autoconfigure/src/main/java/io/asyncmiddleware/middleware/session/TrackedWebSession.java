package io.asyncmiddleware.middleware.session;

import java.time.Duration;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

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

	private WebSession delegate;

	private boolean stored;

	private boolean accessed;

	private boolean modified;

	private final Map<String, Object> attributes = new TrackedAttributes();

	TrackedWebSession(WebSessionStore store, WebSession delegate, boolean stored) {
		this.store = store;
		this.delegate = delegate;
		this.stored = stored;
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
		return !this.stored && this.delegate.getAttributes().isEmpty();
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
		Object seconds = this.delegate.getAttributes().get(EXPIRY_ATTRIBUTE);
		return (seconds instanceof Number number) ? Duration.ofSeconds(number.longValue()) : null;
	}

	@Override
	public String getId() {
		return this.delegate.getId();
	}

	@Override
	public Map<String, Object> getAttributes() {
		return this.attributes;
	}

	@Override
	public void start() {
		this.accessed = true;
		this.modified = true;
		this.delegate.start();
	}

	@Override
	public boolean isStarted() {
		return this.stored || this.modified || this.delegate.isStarted();
	}

	@Override
	public Mono<Void> changeSessionId() {
		return Mono.defer(() -> {
			this.accessed = true;
			this.modified = true;
			return this.delegate.changeSessionId().doOnSuccess((done) -> this.stored = true);
		});
	}

	@Override
	public Mono<Void> invalidate() {
		return Mono.defer(() -> {
			this.accessed = true;
			this.modified = true;
			Mono<Void> delete = this.stored ? this.delegate.invalidate() : Mono.empty();
			return delete.then(this.store.createWebSession()).doOnNext((fresh) -> {
				this.delegate = fresh;
				this.stored = false;
			}).then();
		});
	}

	/**
	 * Saves the session to the store under its current key, with the given lifetime in
	 * the store. The entry calls this on the way out; handlers need not.
	 */
	@Override
	public Mono<Void> save() {
		return Mono.defer(() -> this.delegate.save().doOnSuccess((done) -> this.stored = true));
	}

	Mono<Void> save(Duration storeLifetime) {
		return Mono.defer(() -> {
			this.delegate.setMaxIdleTime(storeLifetime);
			return save();
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
		return this.delegate.getCreationTime();
	}

	@Override
	public Instant getLastAccessTime() {
		return this.delegate.getLastAccessTime();
	}

	/**
	 * Django's {@code set_expiry(seconds)}: see {@link #setExpiry(Duration)}.
	 */
	@Override
	public void setMaxIdleTime(Duration maxIdleTime) {
		setExpiry(maxIdleTime);
	}

	@Override
	public Duration getMaxIdleTime() {
		return this.delegate.getMaxIdleTime();
	}

	@Override
	public String toString() {
		return "TrackedWebSession[stored=" + this.stored + ", accessed=" + this.accessed + ", modified="
				+ this.modified + "]";
	}

	/**
	 * The session data; reads mark the session accessed, changes mark it modified.
	 */
	private final class TrackedAttributes extends AbstractMap<String, Object> {

		private Map<String, Object> data() {
			TrackedWebSession.this.accessed = true;
			return TrackedWebSession.this.delegate.getAttributes();
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
