package io.asyncmiddleware.autoconfigure.session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.time.temporal.ChronoUnit;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.boot.web.server.Cookie.SameSite;

/**
 * Settings of the {@code session} entry, each mirroring one of Django's SESSION_*
 * settings.
 */
@ConfigurationProperties("async-middleware.session")
public class SessionMiddlewareProperties {

	/**
	 * Name of the session cookie (Django: SESSION_COOKIE_NAME).
	 */
	private String cookieName = "sessionid";

	/**
	 * Lifetime of the session cookie and of the stored session; seconds if no unit is given
	 * (Django: SESSION_COOKIE_AGE).
	 */
	@DurationUnit(ChronoUnit.SECONDS)
	private Duration cookieAge = Duration.ofSeconds(1209600);

	/**
	 * Domain of the session cookie; none for a host-only cookie (Django:
	 * SESSION_COOKIE_DOMAIN).
	 */
	private @Nullable String cookieDomain;

	/**
	 * Path of the session cookie (Django: SESSION_COOKIE_PATH).
	 */
	private String cookiePath = "/";

	/**
	 * Whether the session cookie is marked Secure (Django: SESSION_COOKIE_SECURE).
	 */
	private boolean cookieSecure;

	/**
	 * Whether the session cookie is marked HttpOnly (Django: SESSION_COOKIE_HTTPONLY).
	 */
	private boolean cookieHttpOnly = true;

	/**
	 * SameSite attribute of the session cookie; 'omitted' for none (Django:
	 * SESSION_COOKIE_SAMESITE).
	 */
	private SameSite cookieSameSite = SameSite.LAX;

	/**
	 * Whether a non-empty session is saved and its cookie re-sent on every request
	 * (Django: SESSION_SAVE_EVERY_REQUEST).
	 */
	private boolean saveEveryRequest;

	/**
	 * Whether the session cookie ends with the browser session unless the session sets its
	 * own expiry (Django: SESSION_EXPIRE_AT_BROWSER_CLOSE).
	 */
	private boolean expireAtBrowserClose;

	/**
	 * Most sessions kept by the in-memory store (used when there is no
	 * ReactiveSessionRepository bean); beyond it, expired sessions are swept and the least
	 * recently used tenth evicted (logged out). No Django equivalent (its cache backend culls
	 * at MAX_ENTRIES).
	 */
	private int maxInMemorySessions = 10_000;

	/**
	 * Sessions in Redis.
	 */
	private final Redis redis = new Redis();

	public Redis getRedis() {
		return this.redis;
	}

	public int getMaxInMemorySessions() {
		return this.maxInMemorySessions;
	}

	public void setMaxInMemorySessions(int maxInMemorySessions) {
		this.maxInMemorySessions = maxInMemorySessions;
	}

	/**
	 * Retry-After of the 503 answered while the session store cannot be reached; seconds if
	 * no unit is given.
	 */
	@DurationUnit(ChronoUnit.SECONDS)
	private Duration storeRetryAfter = Duration.ofSeconds(5);

	public Duration getStoreRetryAfter() {
		return this.storeRetryAfter;
	}

	public void setStoreRetryAfter(Duration storeRetryAfter) {
		this.storeRetryAfter = storeRetryAfter;
	}

	public String getCookieName() {
		return this.cookieName;
	}

	public void setCookieName(String cookieName) {
		this.cookieName = cookieName;
	}

	public Duration getCookieAge() {
		return this.cookieAge;
	}

	public void setCookieAge(Duration cookieAge) {
		this.cookieAge = cookieAge;
	}

	public @Nullable String getCookieDomain() {
		return this.cookieDomain;
	}

	public void setCookieDomain(@Nullable String cookieDomain) {
		this.cookieDomain = cookieDomain;
	}

	public String getCookiePath() {
		return this.cookiePath;
	}

	public void setCookiePath(String cookiePath) {
		this.cookiePath = cookiePath;
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

	public boolean isSaveEveryRequest() {
		return this.saveEveryRequest;
	}

	public void setSaveEveryRequest(boolean saveEveryRequest) {
		this.saveEveryRequest = saveEveryRequest;
	}

	public boolean isExpireAtBrowserClose() {
		return this.expireAtBrowserClose;
	}

	public void setExpireAtBrowserClose(boolean expireAtBrowserClose) {
		this.expireAtBrowserClose = expireAtBrowserClose;
	}

	/**
	 * Settings of sessions stored in Redis (Spring Session Data Redis).
	 */
	public static class Redis {

		/**
		 * Classes allowed in session attributes besides Spring Security's and the JDK's
		 * value types, read back by the JSON serializer contributed for Redis sessions:
		 * fully qualified class names, or a package followed by '.*' for all of its
		 * classes. Anything else in a stored session makes it read as no session.
		 */
		private List<String> allowedTypes = new ArrayList<>();

		public List<String> getAllowedTypes() {
			return this.allowedTypes;
		}

		public void setAllowedTypes(List<String> allowedTypes) {
			this.allowedTypes = allowedTypes;
		}

	}

}
