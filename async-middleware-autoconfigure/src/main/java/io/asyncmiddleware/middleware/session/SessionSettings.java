package io.asyncmiddleware.middleware.session;

import java.time.Duration;

import org.springframework.util.Assert;

/**
 * How the {@code session} entry treats sessions, apart from the cookie's attributes.
 *
 * @param cookieAge lifetime of the cookie and of the stored session (Django:
 * SESSION_COOKIE_AGE)
 * @param saveEveryRequest whether a non-empty session is saved and its cookie re-sent on
 * every request (SESSION_SAVE_EVERY_REQUEST)
 * @param expireAtBrowserClose whether the cookie ends with the browser session unless the
 * session has a custom expiry (SESSION_EXPIRE_AT_BROWSER_CLOSE)
 * @param storeRetryAfter the {@code Retry-After} of the {@code 503} answered while the
 * session store is unreachable (no Django equivalent)
 */
public record SessionSettings(Duration cookieAge, boolean saveEveryRequest, boolean expireAtBrowserClose,
		Duration storeRetryAfter) {

	/** Default {@code Retry-After} while the session store is unreachable. */
	public static final Duration DEFAULT_STORE_RETRY_AFTER = Duration.ofSeconds(5);

	public SessionSettings {
		Assert.notNull(cookieAge, "'cookieAge' must not be null");
		Assert.isTrue(cookieAge.toSeconds() > 0, () -> "Session cookie age must be at least one second, got " + cookieAge
				+ " (async-middleware.session.cookie-age)");
		Assert.notNull(storeRetryAfter, "'storeRetryAfter' must not be null");
		Assert.isTrue(storeRetryAfter.toSeconds() > 0, () -> "Retry-After must be at least one second, got "
				+ storeRetryAfter + " (async-middleware.session.store-retry-after)");
	}

	/**
	 * Settings with the default {@code Retry-After} while the store is unreachable.
	 * @param cookieAge SESSION_COOKIE_AGE
	 * @param saveEveryRequest SESSION_SAVE_EVERY_REQUEST
	 * @param expireAtBrowserClose SESSION_EXPIRE_AT_BROWSER_CLOSE
	 */
	public SessionSettings(Duration cookieAge, boolean saveEveryRequest, boolean expireAtBrowserClose) {
		this(cookieAge, saveEveryRequest, expireAtBrowserClose, DEFAULT_STORE_RETRY_AFTER);
	}

	/**
	 * Django's defaults: two weeks, no save on every request, persistent cookies.
	 * @return the defaults
	 */
	public static SessionSettings defaults() {
		return new SessionSettings(Duration.ofSeconds(1209600), false, false);
	}

}
