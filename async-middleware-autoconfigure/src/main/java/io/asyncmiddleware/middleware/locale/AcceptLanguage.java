package io.asyncmiddleware.middleware.locale;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code Accept-Language} as Django's {@code parse_accept_lang_header} does: the
 * ranges in descending q order (stable for equal q), lower-cased; a header with anything
 * that is not a well-formed range yields no ranges at all.
 */
final class AcceptLanguage {

	/** Django's ACCEPT_LANGUAGE_HEADER_MAX_LENGTH. */
	static final int MAX_LENGTH = 500;

	private static final Pattern RANGE = Pattern
		.compile("([a-z]{1,8}(?:-[a-z0-9]{1,8})*|\\*)(?:\\s*;\\s*q=(0(?:\\.[0-9]{0,3})?|1(?:\\.0{0,3})?))?(?:\\s*,\\s*|$)");

	private AcceptLanguage() {
	}

	/**
	 * The language ranges of a header value, best first.
	 * @param header the header value
	 * @return the ranges (e.g. {@code de-de}, {@code de}, {@code *}); empty if malformed
	 */
	static List<String> ranges(String header) {
		String value = truncate(header).toLowerCase(Locale.ROOT);
		List<Range> ranges = new ArrayList<>();
		Matcher matcher = RANGE.matcher(value);
		int position = 0;
		while (position < value.length()) {
			matcher.region(position, value.length());
			if (!matcher.lookingAt() || matcher.end() == position) {
				return List.of();
			}
			String q = matcher.group(2);
			ranges.add(new Range(matcher.group(1), (q != null) ? Double.parseDouble(q) : 1.0));
			position = matcher.end();
		}
		return ranges.stream().sorted(Comparator.comparingDouble(Range::q).reversed()).map(Range::tag).toList();
	}

	/** An over-long header is cut at its last comma within the limit, as Django 5 does. */
	private static String truncate(String header) {
		if (header.length() <= MAX_LENGTH) {
			return header;
		}
		int comma = header.lastIndexOf(',', MAX_LENGTH);
		return (comma > 0) ? header.substring(0, comma) : "";
	}

	private record Range(String tag, double q) {
	}

}
