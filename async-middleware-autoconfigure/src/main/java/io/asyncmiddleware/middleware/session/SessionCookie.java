package io.asyncmiddleware.middleware.session;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * Writes the session cookie's {@code Set-Cookie} value the way Django's
 * {@code set_cookie} and {@code delete_cookie} do: attributes in Python's order
 * ({@code Domain}, {@code expires}, {@code HttpOnly}, {@code Max-Age}, {@code Path},
 * {@code SameSite}, {@code Secure}), {@code expires} as an HTTP date, and the deletion as
 * an empty quoted value with {@code Max-Age=0} and the 1970 date.
 *
 * <p>The header is written as text rather than through {@code ResponseCookie}, because
 * the server's cookie encoder would write a deletion's {@code Expires} as "now" and drop
 * the quotes of the empty value.
 */
public final class SessionCookie {

	private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter
		.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
		.withZone(ZoneOffset.UTC);

	private static final String EPOCH = "Thu, 01 Jan 1970 00:00:00 GMT";

	// RFC 6265 cookie-name (an RFC 7230 token)
	private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+\\-.^_`|~0-9A-Za-z]+");

	private static final Pattern ATTRIBUTE_VALUE = Pattern.compile("[\\x21-\\x3A\\x3C-\\x7E]*");

	private final String name;

	private final @Nullable String domain;

	private final String path;

	private final boolean secure;

	private final boolean httpOnly;

	private final CookieSameSite sameSite;

	private final Clock clock;

	/**
	 * Creates the cookie writer.
	 * @param name the cookie name (Django: SESSION_COOKIE_NAME)
	 * @param domain the domain, or {@code null} for none (SESSION_COOKIE_DOMAIN)
	 * @param path the path (SESSION_COOKIE_PATH)
	 * @param secure whether to add {@code Secure} (SESSION_COOKIE_SECURE)
	 * @param httpOnly whether to add {@code HttpOnly} (SESSION_COOKIE_HTTPONLY)
	 * @param sameSite the {@code SameSite} attribute (SESSION_COOKIE_SAMESITE)
	 * @param clock the clock for {@code expires}
	 */
	public SessionCookie(String name, @Nullable String domain, String path, boolean secure, boolean httpOnly,
			CookieSameSite sameSite, Clock clock) {
		Assert.isTrue(name != null && TOKEN.matcher(name).matches(),
				() -> "Invalid session cookie name '" + name + "': use letters, digits and !#$%&'*+-.^_`|~ only");
		Assert.isTrue(path != null && path.startsWith("/") && ATTRIBUTE_VALUE.matcher(path).matches(),
				() -> "Invalid session cookie path '" + path + "': it must start with '/' and hold no ';' or control characters");
		Assert.isTrue(domain == null || ATTRIBUTE_VALUE.matcher(domain).matches(),
				() -> "Invalid session cookie domain '" + domain + "': it must hold no ';', spaces or control characters");
		Assert.notNull(sameSite, "'sameSite' must not be null");
		Assert.notNull(clock, "'clock' must not be null");
		this.name = name;
		this.domain = StringUtils.hasText(domain) ? domain : null;
		this.path = path;
		this.secure = secure;
		this.httpOnly = httpOnly;
		this.sameSite = sameSite;
		this.clock = clock;
	}

	/**
	 * The cookie's name.
	 * @return the name
	 */
	public String getName() {
		return this.name;
	}

	/**
	 * The {@code Set-Cookie} value that stores a session key.
	 * @param key the session key
	 * @param maxAge the lifetime, or {@code null} for a cookie that ends with the browser
	 * session (no {@code Max-Age} and no {@code expires})
	 * @return the header value
	 */
	public String set(String key, @Nullable Duration maxAge) {
		StringBuilder header = new StringBuilder(this.name).append('=').append(key);
		appendDomain(header);
		if (maxAge != null) {
			header.append("; expires=").append(HTTP_DATE.format(ZonedDateTime.now(this.clock).plus(maxAge)));
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
	 * {@code delete_cookie}: path, domain and SameSite of the settings, {@code Secure}
	 * for a {@code __Secure-}/{@code __Host-} name or {@code SameSite=None}.
	 * @return the header value
	 */
	public String delete() {
		StringBuilder header = new StringBuilder(this.name).append("=\"\"");
		appendDomain(header);
		header.append("; expires=").append(EPOCH).append("; Max-Age=0");
		appendPathAndSameSite(header);
		if (this.name.startsWith("__Secure-") || this.name.startsWith("__Host-") || this.sameSite == CookieSameSite.NONE) {
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
