package io.asyncmiddleware.middleware.common;

import java.nio.charset.StandardCharsets;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.util.StringUtils;

/**
 * The URLs CommonMiddleware redirects to: the request's path (as received, so
 * percent-escapes stay) and query, made safe for a {@code Location} header.
 */
final class SlashRedirect {

	private SlashRedirect() {
	}

	/**
	 * The relative URL with a slash appended to the path (Django's
	 * {@code get_full_path(force_append_slash=True)}), a leading {@code //} escaped to
	 * {@code /%2F} so that it cannot be read as a scheme-relative URL to another host.
	 * @param request the request
	 * @return the relative URL
	 */
	static String appendSlash(ServerHttpRequest request) {
		String path = request.getPath().value() + "/";
		if (path.startsWith("//")) {
			path = "/%2F" + path.substring(2);
		}
		return asciiOnly(path + query(request));
	}

	/**
	 * The absolute URL on {@code www.<host>} (Django's PREPEND_WWW).
	 * @param request the request
	 * @param host the request's host, with its port if any
	 * @param appendSlash whether the slash is appended in the same redirect
	 * @return the absolute URL
	 */
	static String prependWww(ServerHttpRequest request, String host, boolean appendSlash) {
		String path = request.getPath().value() + (appendSlash ? "/" : "");
		return asciiOnly(request.getURI().getScheme() + "://www." + host + path + query(request));
	}

	private static String query(ServerHttpRequest request) {
		String query = request.getURI().getRawQuery();
		return StringUtils.hasLength(query) ? "?" + query : "";
	}

	/** Percent-encodes what a header cannot carry (Django's iri_to_uri for non-ASCII queries). */
	private static String asciiOnly(String url) {
		StringBuilder result = new StringBuilder(url.length());
		for (int i = 0; i < url.length(); i++) {
			char c = url.charAt(i);
			if (c > 0x20 && c < 0x7F) {
				result.append(c);
				continue;
			}
			int codePoint = url.codePointAt(i);
			i += Character.charCount(codePoint) - 1;
			for (byte b : new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8)) {
				result.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
					.append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
			}
		}
		return result.toString();
	}

}
