package io.asyncmiddleware.middleware;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.util.StringUtils;

/**
 * Django's {@code patch_vary_headers}, shared by the entries that vary a response: adds a
 * name to {@code Vary} unless present (ignoring case), joining with {@code ", "}; a
 * {@code *} makes the header exactly {@code *}.
 */
public final class VaryHeader {

	private VaryHeader() {
	}

	/**
	 * Adds a header name to {@code Vary}.
	 * @param headers the response headers
	 * @param name the request header the response varies on, e.g. {@code Cookie}
	 */
	public static void add(HttpHeaders headers, String name) {
		List<String> names = new ArrayList<>();
		for (String value : headers.getOrEmpty(HttpHeaders.VARY)) {
			for (String existing : StringUtils.commaDelimitedListToStringArray(value)) {
				if (StringUtils.hasText(existing)) {
					names.add(existing.trim());
				}
			}
		}
		if (names.stream().noneMatch(name::equalsIgnoreCase)) {
			names.add(name);
		}
		headers.set(HttpHeaders.VARY, names.contains("*") ? "*" : String.join(", ", names));
	}

}
