package io.asyncmiddleware.autoconfigure.messages;

import java.util.LinkedHashMap;
import java.util.Map;

import io.asyncmiddleware.middleware.messages.Level;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.web.server.Cookie.SameSite;

/**
 * Configuration of the {@code messages} entry, Django's {@code MessageMiddleware} and
 * {@code django.contrib.messages}.
 */
@ConfigurationProperties("async-middleware.messages")
public class MessagesMiddlewareProperties {

	/**
	 * Where messages wait between requests: 'fallback' (the cookie, overflowing to the
	 * session), 'cookie' or 'session' (Django: MESSAGE_STORAGE).
	 */
	private Storage storage = Storage.FALLBACK;

	/**
	 * Minimum level of messages kept, a name (debug, info, success, warning, error) or a
	 * number (Django: MESSAGE_LEVEL).
	 */
	private Level level = Level.INFO;

	/**
	 * Tags by numeric level, merged over the defaults (10 debug, 20 info, 25 success, 30
	 * warning, 40 error) (Django: MESSAGE_TAGS).
	 */
	private Map<Integer, String> tags = new LinkedHashMap<>();

	/**
	 * Secret that signs the messages cookie with HMAC-SHA256, at least 32 characters
	 * (Django: SECRET_KEY). When unset a random key is generated at startup, so cookies
	 * do not survive a restart and are not shared between instances.
	 */
	private @Nullable String signingKey;

	/**
	 * Name of the messages cookie (Django: CookieStorage.cookie_name).
	 */
	private String cookieName = "messages";

	/**
	 * Domain of the messages cookie, none when unset (Django: SESSION_COOKIE_DOMAIN).
	 */
	private @Nullable String cookieDomain;

	/**
	 * Whether the messages cookie is marked Secure (Django: SESSION_COOKIE_SECURE).
	 */
	private boolean cookieSecure;

	/**
	 * Whether the messages cookie is marked HttpOnly (Django: SESSION_COOKIE_HTTPONLY).
	 */
	private boolean cookieHttpOnly = true;

	/**
	 * SameSite attribute of the messages cookie: lax, strict, none, or omitted for no
	 * attribute (Django: SESSION_COOKIE_SAMESITE).
	 */
	private SameSite cookieSameSite = SameSite.LAX;

	public Storage getStorage() {
		return this.storage;
	}

	public void setStorage(Storage storage) {
		this.storage = storage;
	}

	public Level getLevel() {
		return this.level;
	}

	public void setLevel(Level level) {
		this.level = level;
	}

	public Map<Integer, String> getTags() {
		return this.tags;
	}

	public void setTags(Map<Integer, String> tags) {
		this.tags = tags;
	}

	public @Nullable String getSigningKey() {
		return this.signingKey;
	}

	public void setSigningKey(@Nullable String signingKey) {
		this.signingKey = signingKey;
	}

	public String getCookieName() {
		return this.cookieName;
	}

	public void setCookieName(String cookieName) {
		this.cookieName = cookieName;
	}

	public @Nullable String getCookieDomain() {
		return this.cookieDomain;
	}

	public void setCookieDomain(@Nullable String cookieDomain) {
		this.cookieDomain = cookieDomain;
	}

	public boolean isCookieSecure() {
		return this.cookieSecure;
	}

	public void setCookieSecure(boolean cookieSecure) {
		this.cookieSecure = cookieSecure;
	}

	public boolean isCookieHttpOnly() {
		return this.cookieHttpOnly;
	}

	public void setCookieHttpOnly(boolean cookieHttpOnly) {
		this.cookieHttpOnly = cookieHttpOnly;
	}

	public SameSite getCookieSameSite() {
		return this.cookieSameSite;
	}

	public void setCookieSameSite(SameSite cookieSameSite) {
		this.cookieSameSite = cookieSameSite;
	}

	/**
	 * Message storages (Django: MESSAGE_STORAGE).
	 */
	public enum Storage {

		/** The cookie, overflowing to the session (Django: FallbackStorage, the default). */
		FALLBACK,

		/** A signed cookie only (Django: CookieStorage). */
		COOKIE,

		/** The WebSession only (Django: SessionStorage). */
		SESSION

	}

}
