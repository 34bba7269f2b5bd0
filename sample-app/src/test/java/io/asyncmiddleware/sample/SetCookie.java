package io.asyncmiddleware.sample;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * One {@code Set-Cookie} header as written on the wire: name, value and attributes
 * (lower-cased keys, in the order sent).
 *
 * @param name the cookie name
 * @param value the value as sent (quotes kept)
 * @param attributes the attributes; flags map to an empty string
 */
record SetCookie(String name, String value, Map<String, String> attributes) {

	static SetCookie parse(String header) {
		String[] parts = header.split(";");
		int equals = parts[0].indexOf('=');
		Map<String, String> attributes = new LinkedHashMap<>();
		for (int i = 1; i < parts.length; i++) {
			String part = parts[i].trim();
			int eq = part.indexOf('=');
			String key = ((eq < 0) ? part : part.substring(0, eq)).toLowerCase(Locale.ROOT);
			attributes.put(key, (eq < 0) ? "" : part.substring(eq + 1));
		}
		return new SetCookie(parts[0].substring(0, equals).trim(), parts[0].substring(equals + 1), attributes);
	}

	static List<SetCookie> all(HttpHeaders headers) {
		List<SetCookie> cookies = new ArrayList<>();
		for (String header : headers.getOrEmpty(HttpHeaders.SET_COOKIE)) {
			cookies.add(parse(header));
		}
		return cookies;
	}

	static @Nullable SetCookie find(HttpHeaders headers, String name) {
		return all(headers).stream().filter((cookie) -> cookie.name().equals(name)).findFirst().orElse(null);
	}

	boolean has(String attribute) {
		return this.attributes.containsKey(attribute.toLowerCase(Locale.ROOT));
	}

	@Nullable String get(String attribute) {
		return this.attributes.get(attribute.toLowerCase(Locale.ROOT));
	}

	/** Whether this header deletes the cookie, as Django's {@code delete_cookie} does. */
	boolean isDeletion() {
		return "0".equals(get("Max-Age")) && (this.value.isEmpty() || this.value.equals("\"\""));
	}

}
