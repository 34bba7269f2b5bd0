package io.asyncmiddleware.middleware.csrf;

import io.asyncmiddleware.middleware.CookieSettings;
import io.asyncmiddleware.middleware.VaryHeader;
import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.boot.web.server.Cookie.SameSite;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.DefaultCsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRepository;
import org.springframework.web.server.ServerWebExchange;

/**
 * Keeps the bare CSRF secret in a cookie, as Django does by default: loads the raw
 * incoming value (the filter checks its format) and writes {@code Set-Cookie} with
 * {@code Vary: Cookie}.
 */
public final class CookieCsrfSecretRepository implements ServerCsrfTokenRepository {

	private final CsrfTokenFormat format;

	private final String headerName;

	private final String parameterName;

	/** Django's CSRF_COOKIE_* defaults. */
	private CookieSettings cookie = new CookieSettings("csrftoken", null, "/", false, false, SameSite.LAX);

	private @Nullable Duration cookieMaxAge = Duration.ofSeconds(31449600);

	/**
	 * Creates a repository.
	 * @param format the token format
	 * @param headerName the request header carrying a token
	 * @param parameterName the form field carrying a token
	 */
	public CookieCsrfSecretRepository(CsrfTokenFormat format, String headerName, String parameterName) {
		this.format = format;
		this.headerName = headerName;
		this.parameterName = parameterName;
	}

	@Override
	public Mono<CsrfToken> generateToken(ServerWebExchange exchange) {
		return Mono.fromSupplier(() -> new DefaultCsrfToken(this.headerName, this.parameterName, this.format.newSecret()));
	}

	@Override
	public Mono<Void> saveToken(ServerWebExchange exchange, @Nullable CsrfToken token) {
		return Mono.fromRunnable(() -> {
			ResponseCookie.ResponseCookieBuilder cookie = this.cookie
				.responseCookie((token != null) ? token.getToken() : "");
			if (token == null) {
				cookie.maxAge(0);
			}
			else if (this.cookieMaxAge != null) {
				cookie.maxAge(this.cookieMaxAge);
			}
			exchange.getResponse().getCookies().set(this.cookie.name(), cookie.build());
			VaryHeader.add(exchange.getResponse().getHeaders(), HttpHeaders.COOKIE);
		});
	}

	/**
	 * The last incoming cookie of that name (Django keeps the last of duplicates), as sent.
	 */
	@Override
	public Mono<CsrfToken> loadToken(ServerWebExchange exchange) {
		String value = storedValue(exchange);
		return (value != null) ? Mono.just(new StoredCsrfSecret(this.headerName, this.parameterName, value))
				: Mono.empty();
	}

	/**
	 * The value {@link #loadToken} reads, read without a {@code Mono}: the cookie is at
	 * hand, and the stack's CSRF entry reads it on every request.
	 * @param exchange the exchange
	 * @return the last incoming cookie's value, or {@code null} when there is none
	 */
	@Nullable String storedValue(ServerWebExchange exchange) {
		List<HttpCookie> cookies = exchange.getRequest().getCookies().get(this.cookie.name());
		if (cookies == null || cookies.isEmpty()) {
			return null;
		}
		return cookies.get(cookies.size() - 1).getValue();
	}

	/**
	 * The cookie name (Django: CSRF_COOKIE_NAME).
	 * @param cookieName the name
	 */
	public void setCookieName(String cookieName) {
		this.cookie = new CookieSettings(cookieName, this.cookie.domain(), this.cookie.path(), this.cookie.secure(),
				this.cookie.httpOnly(), this.cookie.sameSite());
	}

	/**
	 * The cookie lifetime; {@code null} or negative for a session cookie (Django:
	 * CSRF_COOKIE_AGE, {@code None}).
	 * @param cookieMaxAge the lifetime
	 */
	public void setCookieMaxAge(@Nullable Duration cookieMaxAge) {
		this.cookieMaxAge = (cookieMaxAge != null && cookieMaxAge.isNegative()) ? null : cookieMaxAge;
	}

	/**
	 * The cookie domain (Django: CSRF_COOKIE_DOMAIN).
	 * @param cookieDomain the domain or {@code null}
	 */
	public void setCookieDomain(@Nullable String cookieDomain) {
		this.cookie = new CookieSettings(this.cookie.name(), cookieDomain, this.cookie.path(), this.cookie.secure(),
				this.cookie.httpOnly(), this.cookie.sameSite());
	}

	/**
	 * The cookie path (Django: CSRF_COOKIE_PATH).
	 * @param cookiePath the path
	 */
	public void setCookiePath(String cookiePath) {
		this.cookie = new CookieSettings(this.cookie.name(), this.cookie.domain(), cookiePath, this.cookie.secure(),
				this.cookie.httpOnly(), this.cookie.sameSite());
	}

	/**
	 * Whether the cookie is marked Secure (Django: CSRF_COOKIE_SECURE).
	 * @param cookieSecure the flag
	 */
	public void setCookieSecure(boolean cookieSecure) {
		this.cookie = new CookieSettings(this.cookie.name(), this.cookie.domain(), this.cookie.path(), cookieSecure,
				this.cookie.httpOnly(), this.cookie.sameSite());
	}

	/**
	 * Whether the cookie is marked HttpOnly (Django: CSRF_COOKIE_HTTPONLY).
	 * @param cookieHttpOnly the flag
	 */
	public void setCookieHttpOnly(boolean cookieHttpOnly) {
		this.cookie = new CookieSettings(this.cookie.name(), this.cookie.domain(), this.cookie.path(),
				this.cookie.secure(), cookieHttpOnly, this.cookie.sameSite());
	}

	/**
	 * The SameSite attribute: Lax, Strict or None (any case), or {@code null}/empty for
	 * none (Django: CSRF_COOKIE_SAMESITE).
	 * @param cookieSameSite the value
	 * @throws IllegalArgumentException for any other value
	 */
	public void setCookieSameSite(@Nullable String cookieSameSite) {
		this.cookie = new CookieSettings(this.cookie.name(), this.cookie.domain(), this.cookie.path(),
				this.cookie.secure(), this.cookie.httpOnly(), sameSite(cookieSameSite));
	}

	// the property keeps Django's spelling (CSRF_COOKIE_SAMESITE = "Lax"), not the enum's
	private static SameSite sameSite(@Nullable String cookieSameSite) {
		if (cookieSameSite == null || cookieSameSite.isEmpty()) {
			return SameSite.OMITTED;
		}
		for (SameSite allowed : new SameSite[] { SameSite.LAX, SameSite.STRICT, SameSite.NONE }) {
			if (cookieSameSite.equalsIgnoreCase(allowed.attributeValue())) {
				return allowed;
			}
		}
		throw new IllegalArgumentException("async-middleware.csrf.cookie-same-site must be 'Lax', 'Strict' or 'None' "
				+ "(or empty for no attribute), not '" + cookieSameSite + "'.");
	}

	@Nullable String getCookieDomain() {
		return this.cookie.domain();
	}

}
