package io.asyncmiddleware.middleware.session;

import org.jspecify.annotations.Nullable;

/**
 * The {@code SameSite} attribute of a cookie, as Django's {@code set_cookie} accepts it.
 */
public enum CookieSameSite {

	/** {@code SameSite=Lax} (Django's default for the session and CSRF cookies). */
	LAX("Lax"),

	/** {@code SameSite=Strict}. */
	STRICT("Strict"),

	/** {@code SameSite=None}; browsers then require {@code Secure}. */
	NONE("None"),

	/** No {@code SameSite} attribute (Django: {@code False} or {@code None}). */
	OMITTED(null);

	private final @Nullable String attributeValue;

	CookieSameSite(@Nullable String attributeValue) {
		this.attributeValue = attributeValue;
	}

	/**
	 * The attribute's value as written in {@code Set-Cookie}.
	 * @return the value, or {@code null} when the attribute is omitted
	 */
	public @Nullable String attributeValue() {
		return this.attributeValue;
	}

}
