package io.asyncmiddleware.middleware;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.web.server.Cookie.SameSite;
import org.springframework.http.ResponseCookie;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * The name and attributes of a cookie an entry sets (the session, CSRF and messages
 * cookies), as Django's {@code *_COOKIE_*} settings give them, and the two ways the
 * entries write it.
 * <ul>
 * <li>{@link #responseCookie(String)}: a {@link ResponseCookie}, written by the server as
 * Spring writes every cookie.</li>
 * <li>{@link #setCookieHeader} and {@link #deleteCookieHeader()}: the {@code Set-Cookie}
 * value as Django's {@code set_cookie} and {@code delete_cookie} write it, attributes in
 * Python's order ({@code Domain}, {@code expires}, {@code HttpOnly}, {@code Max-Age},
 * {@code Path}, {@code SameSite}, {@code Secure}). A deletion is written this way because
 * Spring's cookie would date its {@code expires} now, not 1970, and drop the quotes of
 * the empty value.</li>
 * </ul>
 * {@code SameSite} is Boot's {@link SameSite}: its four values are the four Django allows
 * ({@code "Lax"}, {@code "Strict"}, {@code "None"}, and {@code False} for no attribute,
 * {@link SameSite#OMITTED}).
 *
 * @param name the cookie name
 * @param domain the {@code Domain} attribute, or {@code null} (or empty) for a host-only
 * cookie
 * @param path the {@code Path} attribute
 * @param secure whether to add {@code Secure}
 * @param httpOnly whether to add {@code HttpOnly}
 * @param sameSite the {@code SameSite} attribute
 */
public record CookieSettings(String name, @Nullable String domain, String path, boolean secure, boolean httpOnly,
		SameSite sameSite) {

	private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter
		.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
		.withZone(ZoneOffset.UTC);

	private static final String EPOCH = "Thu, 01 Jan 1970 00:00:00 GMT";

	// RFC 6265 cookie-name (an RFC 7230 token)
	private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+\\-.^_`|~0-9A-Za-z]+");

	private static final Pattern ATTRIBUTE_VALUE = Pattern.compile("[\\x21-\\x3A\\x3C-\\x7E]*");

	/**
	 * Creates the settings; an empty domain is none.
	 */
	public CookieSettings {
		Assert.notNull(name, "'name' must not be null");
		Assert.notNull(path, "'path' must not be null");
		Assert.notNull(sameSite, "'sameSite' must not be null");
		domain = StringUtils.hasLength(domain) ? domain : null;
	}

	/**
	 * Checks that the name and attributes can be written in a {@code Set-Cookie} header as
	 * they are, so that bad settings stop the startup rather than a request.
	 * @param description what the cookie is, for the message, e.g. {@code session cookie}
	 * @return these settings
	 * @throws IllegalArgumentException naming the bad value
	 */
	public CookieSettings validated(String description) {
		Assert.isTrue(TOKEN.matcher(this.name).matches(), () -> "Invalid " + description + " name '" + this.name
				+ "': use letters, digits and !#$%&'*+-.^_`|~ only");
		Assert.isTrue(this.path.startsWith("/") && ATTRIBUTE_VALUE.matcher(this.path).matches(),
				() -> "Invalid " + description + " path '" + this.path
						+ "': it must start with '/' and hold no ';' or control characters");
		Assert.isTrue(this.domain == null || ATTRIBUTE_VALUE.matcher(this.domain).matches(),
				() -> "Invalid " + description + " domain '" + this.domain
						+ "': it must hold no ';', spaces or control characters");
		return this;
	}

	/**
	 * A cookie with this name and these attributes; the caller adds its lifetime.
	 * @param value the cookie value
	 * @return the builder
	 */
	public ResponseCookie.ResponseCookieBuilder responseCookie(String value) {
		return ResponseCookie.from(this.name, value)
			.path(this.path)
			.domain(this.domain)
			.secure(this.secure)
			.httpOnly(this.httpOnly)
			.sameSite(this.sameSite.attributeValue());
	}

	/**
	 * The {@code Set-Cookie} value that stores a value, as Django's {@code set_cookie}.
	 * @param value the cookie value
	 * @param maxAge the lifetime, or {@code null} for a cookie that ends with the browser
	 * session (no {@code Max-Age} and no {@code expires})
	 * @param clock the clock for {@code expires}
	 * @return the header value
	 */
	public String setCookieHeader(String value, @Nullable Duration maxAge, Clock clock) {
		StringBuilder header = new StringBuilder(this.name).append('=').append(value);
		appendDomain(header);
		if (maxAge != null) {
			header.append("; expires=").append(HTTP_DATE.format(ZonedDateTime.now(clock).plus(maxAge)));
		}
		if (this.httpOnly) {
			header.append("; HttpOnly");
		}
		if (maxAge != null) {
			header.append("; Max-Age=").append(maxAge.toSeconds());
		}
		appendPathAndSameSite(header);
		if (this.secure) {
			header.append("; Secure");
		}
		return header.toString();
	}

	/**
	 * The {@code Set-Cookie} value that deletes the cookie, as Django's
	 * {@code delete_cookie}: path, domain and SameSite of the settings, no
	 * {@code HttpOnly}, {@code Secure} only for a {@code __Secure-}/{@code __Host-} name or
	 * {@code SameSite=None}, where browsers require it.
	 * @return the header value
	 */
	public String deleteCookieHeader() {
		StringBuilder header = new StringBuilder(this.name).append("=\"\"");
		appendDomain(header);
		header.append("; expires=").append(EPOCH).append("; Max-Age=0");
		appendPathAndSameSite(header);
		if (this.name.startsWith("__Secure-") || this.name.startsWith("__Host-") || this.sameSite == SameSite.NONE) {
			header.append("; Secure");
		}
		return header.toString();
	}

	private void appendDomain(StringBuilder header) {
		if (this.domain != null) {
			header.append("; Domain=").append(this.domain);
		}
	}

	private void appendPathAndSameSite(StringBuilder header) {
		header.append("; Path=").append(this.path);
		String sameSiteValue = this.sameSite.attributeValue();
		if (sameSiteValue != null) {
			header.append("; SameSite=").append(sameSiteValue);
		}
	}

}
