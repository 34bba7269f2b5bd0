package io.asyncmiddleware.middleware.auth;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

import io.asyncmiddleware.middleware.AllowedHosts;
import io.asyncmiddleware.middleware.RequestUrl;
import org.jspecify.annotations.Nullable;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.util.Assert;

/**
 * The redirect to the login page, built as Django's {@code redirect_to_login}: the
 * requested path and query go into the redirect field, form-encoded with {@code /} left
 * as it is ({@code /p/?x=1} becomes {@code next=/p/%3Fx%3D1}); the absolute URL is used
 * instead when the login page is on another scheme or host.
 */
final class LoginRedirect {

	private LoginRedirect() {
	}

	/**
	 * Checks that a login URL can be redirected to.
	 * @param loginUrl the login URL
	 * @throws IllegalArgumentException naming the URL when it is not a valid URI reference
	 */
	static void validate(String loginUrl) {
		try {
			new URI(loginUrl);
		}
		catch (URISyntaxException ex) {
			throw new IllegalArgumentException("Invalid login URL '" + loginUrl + "' (async-middleware.authentication.login-url "
					+ "or @LoginRequired(loginUrl)): " + ex.getMessage());
		}
	}

	static String location(String loginUrl, String redirectFieldName, ServerHttpRequest request) {
		Assert.hasText(loginUrl, "'loginUrl' must not be empty");
		URI requestUri = request.getURI();
		String fullPath = Objects.requireNonNullElse(requestUri.getRawPath(), "/")
				+ ((requestUri.getRawQuery() != null) ? "?" + requestUri.getRawQuery() : "");
		validate(loginUrl);
		URI login = URI.create(loginUrl);
		// Django's build_absolute_uri() goes through get_host(): a malformed Host is never
		// put into the URL; the path alone then brings the user back to the login's own host
		String host = RequestUrl.host(request, AllowedHosts.ANY);
		String next = (isSameOrigin(login, requestUri) || host == null) ? fullPath
				: requestUri.getScheme() + "://" + host + fullPath;
		String separator = (login.getRawQuery() != null) ? "&" : "?";
		int fragment = loginUrl.indexOf('#');
		String base = (fragment >= 0) ? loginUrl.substring(0, fragment) : loginUrl;
		String suffix = (fragment >= 0) ? loginUrl.substring(fragment) : "";
		return base + separator + formEncode(redirectFieldName) + "=" + formEncode(next) + suffix;
	}

	private static boolean isSameOrigin(URI login, URI request) {
		return (login.getScheme() == null || login.getScheme().equalsIgnoreCase(request.getScheme()))
				&& (login.getRawAuthority() == null || login.getRawAuthority().equalsIgnoreCase(request.getRawAuthority()));
	}

	// Python's quote_plus(value, safe="/"): letters, digits, "_.-~/" stay, space is "+".
	static String formEncode(@Nullable String value) {
		if (value == null) {
			return "";
		}
		StringBuilder encoded = new StringBuilder();
		for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
			int c = b & 0xFF;
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "_.-~/".indexOf(c) >= 0) {
				encoded.append((char) c);
			}
			else if (c == ' ') {
				encoded.append('+');
			}
			else {
				encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
					.append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
			}
		}
		return encoded.toString();
	}

}
