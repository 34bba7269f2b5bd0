package io.asyncmiddleware.autoconfigure.auth;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the {@code authentication} entry.
 */
@ConfigurationProperties("async-middleware.authentication")
public class AuthenticationMiddlewareProperties {

	/**
	 * Where anonymous users of @LoginRequired handlers are redirected, with the requested
	 * path in 'next' (Django: LOGIN_URL).
	 */
	private String loginUrl = "/accounts/login/";

	/**
	 * Secret for the session-auth hash that logs a user out everywhere when the password
	 * changes; when unset, a random secret is made at startup, so logins do not survive a
	 * restart (Django: SECRET_KEY).
	 */
	private @Nullable String secretKey;

	/**
	 * Whether a logged-in session without a session-auth hash is trusted instead of
	 * flushed (Django flushes such sessions). Unset: trusted when the application has its
	 * own Spring Security chain, whose login writes the session without the hash; the
	 * account checks (disabled, locked, expired, deleted) apply either way.
	 */
	private @Nullable Boolean trustSessionsWithoutHash;

	public @Nullable Boolean getTrustSessionsWithoutHash() {
		return this.trustSessionsWithoutHash;
	}

	public void setTrustSessionsWithoutHash(@Nullable Boolean trustSessionsWithoutHash) {
		this.trustSessionsWithoutHash = trustSessionsWithoutHash;
	}

	public String getLoginUrl() {
		return this.loginUrl;
	}

	public void setLoginUrl(String loginUrl) {
		this.loginUrl = loginUrl;
	}

	public @Nullable String getSecretKey() {
		return this.secretKey;
	}

	public void setSecretKey(@Nullable String secretKey) {
		this.secretKey = secretKey;
	}

}
