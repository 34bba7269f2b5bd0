package io.asyncmiddleware.autoconfigure.csrf;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;

/**
 * Configuration of the {@code csrf} entry, Django's CsrfViewMiddleware.
 */
@ConfigurationProperties("async-middleware.csrf")
public class CsrfMiddlewareProperties {

	/**
	 * Name of the CSRF cookie (Django: CSRF_COOKIE_NAME).
	 */
	private String cookieName = "csrftoken";

	/**
	 * Lifetime of the CSRF cookie, seconds by default; empty or negative for a session cookie
	 * (Django: CSRF_COOKIE_AGE, None), 0 expires it at once.
	 */
	@DurationUnit(ChronoUnit.SECONDS)
	private @Nullable Duration cookieAge = Duration.ofSeconds(31449600);

	/**
	 * Domain of the CSRF cookie; also what a Referer may match (Django: CSRF_COOKIE_DOMAIN).
	 */
	private @Nullable String cookieDomain;

	/**
	 * Path of the CSRF cookie (Django: CSRF_COOKIE_PATH).
	 */
	private String cookiePath = "/";

	/**
	 * Whether the CSRF cookie is marked Secure (Django: CSRF_COOKIE_SECURE).
	 */
	private boolean cookieSecure;

	/**
	 * Whether the CSRF cookie is marked HttpOnly (Django: CSRF_COOKIE_HTTPONLY).
	 */
	private boolean cookieHttpOnly;

	/**
	 * SameSite attribute of the CSRF cookie: Lax, Strict or None; empty for none (Django:
	 * CSRF_COOKIE_SAMESITE).
	 */
	private @Nullable String cookieSameSite = "Lax";

	/**
	 * Request header carrying a token, e.g. X-CSRFToken, or Django's form HTTP_X_CSRFTOKEN
	 * (Django: CSRF_HEADER_NAME).
	 */
	private String headerName = "X-CSRFToken";

	/**
	 * Form field carrying a token (Django: the csrfmiddlewaretoken field).
	 */
	private String fieldName = "csrfmiddlewaretoken";

	/**
	 * Origins trusted for unsafe requests, with scheme; 'https://*.example.com' also
	 * trusts subdomains and example.com (Django: CSRF_TRUSTED_ORIGINS).
	 */
	private List<String> trustedOrigins = new ArrayList<>();

	/**
	 * Whether the secret lives in the session (key '_csrftoken') instead of a cookie;
	 * needs 'session' before 'csrf' in the stack (Django: CSRF_USE_SESSIONS).
	 */
	private boolean useSessions;

	/**
	 * Whether the 403 page shows the rejection reason and help (Django: DEBUG).
	 */
	private boolean debug;

	public String getCookieName() {
		return this.cookieName;
	}

	public void setCookieName(String cookieName) {
		this.cookieName = cookieName;
	}

	public @Nullable Duration getCookieAge() {
		return this.cookieAge;
	}

	public void setCookieAge(@Nullable Duration cookieAge) {
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

	public @Nullable String getCookieSameSite() {
		return this.cookieSameSite;
	}

	public void setCookieSameSite(@Nullable String cookieSameSite) {
		this.cookieSameSite = cookieSameSite;
	}

	public String getHeaderName() {
		return this.headerName;
	}

	public void setHeaderName(String headerName) {
		this.headerName = headerName;
	}

	public String getFieldName() {
		return this.fieldName;
	}

	public void setFieldName(String fieldName) {
		this.fieldName = fieldName;
	}

	public List<String> getTrustedOrigins() {
		return this.trustedOrigins;
	}

	public void setTrustedOrigins(List<String> trustedOrigins) {
		this.trustedOrigins = trustedOrigins;
	}

	public boolean isUseSessions() {
		return this.useSessions;
	}

	public void setUseSessions(boolean useSessions) {
		this.useSessions = useSessions;
	}

	public boolean isDebug() {
		return this.debug;
	}

	public void setDebug(boolean debug) {
		this.debug = debug;
	}

}
