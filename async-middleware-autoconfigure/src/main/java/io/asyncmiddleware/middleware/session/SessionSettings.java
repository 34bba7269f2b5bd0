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
 */
public record SessionSettings(Duration cookieAge, boolean saveEveryRequest, boolean expireAtBrowserClose) {

	public SessionSettings {
		Assert.notNull(cookieAge, "'cookieAge' must not be null");
		Assert.isTrue(cookieAge.toSeconds() > 0, () -> "Session cookie age must be at least one second, got " + cookieAge
				+ " (async-middleware.session.cookie-age)");
	}

	/**
	 * Django's defaults: two weeks, no save on every request, persistent cookies.
	 * @return the defaults
	 */
	public static SessionSettings defaults() {
		return new SessionSettings(Duration.ofSeconds(1209600), false, false);
	}

}
