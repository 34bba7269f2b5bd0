package io.asyncmiddleware.middleware.session;

import java.time.Clock;
import java.time.Duration;

import io.asyncmiddleware.middleware.CookieSettings;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Writes the session cookie's {@code Set-Cookie} value the way Django's
 * {@code set_cookie} and {@code delete_cookie} do ({@link CookieSettings#setCookieHeader},
 * {@link CookieSettings#deleteCookieHeader()}): {@code expires} as an HTTP date, and the
 * deletion as an empty quoted value with {@code Max-Age=0} and the 1970 date.
 */
public final class SessionCookie {

	private final CookieSettings settings;

	private final Clock clock;

	/**
	 * Creates the cookie writer.
	 * @param settings the name and attributes (Django: SESSION_COOKIE_NAME,
	 * SESSION_COOKIE_DOMAIN, SESSION_COOKIE_PATH, SESSION_COOKIE_SECURE,
	 * SESSION_COOKIE_HTTPONLY, SESSION_COOKIE_SAMESITE)
	 * @param clock the clock for {@code expires}
	 * @throws IllegalArgumentException if the name, path or domain cannot be written as
	 * they are
	 */
	public SessionCookie(CookieSettings settings, Clock clock) {
		Assert.notNull(settings, "'settings' must not be null");
		Assert.notNull(clock, "'clock' must not be null");
		this.settings = settings.validated("session cookie");
		this.clock = clock;
	}

	/**
	 * The cookie's name.
	 * @return the name
	 */
	public String getName() {
		return this.settings.name();
	}

	/**
	 * The {@code Set-Cookie} value that stores a session key.
	 * @param key the session key
	 * @param maxAge the lifetime, or {@code null} for a cookie that ends with the browser
	 * session (no {@code Max-Age} and no {@code expires})
	 * @return the header value
	 */
	public String set(String key, @Nullable Duration maxAge) {
		return this.settings.setCookieHeader(key, maxAge, this.clock);
	}

	/**
	 * The {@code Set-Cookie} value that deletes the cookie, as Django's
	 * {@code delete_cookie}: path, domain and SameSite of the settings, {@code Secure}
	 * for a {@code __Secure-}/{@code __Host-} name or {@code SameSite=None}.
	 * @return the header value
	 */
	public String delete() {
		return this.settings.deleteCookieHeader();
	}

}
