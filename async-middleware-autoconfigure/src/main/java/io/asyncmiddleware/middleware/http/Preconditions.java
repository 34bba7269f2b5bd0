package io.asyncmiddleware.middleware.http;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * The conditional request headers of one request, evaluated against a response's
 * validators in RFC 9110's order, as Django's {@code get_conditional_response} does.
 * Values that cannot be parsed (an unquoted entity tag, a date that is no HTTP date) are
 * ignored, as if absent.
 */
final class Preconditions {

	private static final Pattern ENTITY_TAG = Pattern.compile("(?:W/)?\"[^\"]*\"");

	private static final List<String> ANY = List.of("*");

	private final List<String> ifMatch;

	private final long ifUnmodifiedSince;

	private final List<String> ifNoneMatch;

	private final long ifModifiedSince;

	/**
	 * Whether the request has any precondition to evaluate; without one every response
	 * proceeds as it is (Django's {@code get_conditional_response}).
	 * @param requestHeaders the request's headers
	 * @return whether a conditional header is present
	 */
	static boolean present(HttpHeaders requestHeaders) {
		return requestHeaders.containsHeader(HttpHeaders.IF_MATCH)
				|| requestHeaders.containsHeader(HttpHeaders.IF_UNMODIFIED_SINCE)
				|| requestHeaders.containsHeader(HttpHeaders.IF_NONE_MATCH)
				|| requestHeaders.containsHeader(HttpHeaders.IF_MODIFIED_SINCE);
	}

	Preconditions(HttpHeaders requestHeaders) {
		this.ifMatch = entityTags(requestHeaders.get(HttpHeaders.IF_MATCH));
		this.ifUnmodifiedSince = requestHeaders.getIfUnmodifiedSince();
		this.ifNoneMatch = entityTags(requestHeaders.get(HttpHeaders.IF_NONE_MATCH));
		this.ifModifiedSince = requestHeaders.getIfModifiedSince();
	}

	/**
	 * Evaluates the preconditions of a GET or HEAD request.
	 * @param etag the response's {@code ETag}, as sent
	 * @param lastModified the response's {@code Last-Modified} in epoch milliseconds, or -1
	 * @return the outcome
	 */
	Outcome evaluate(@Nullable String etag, long lastModified) {
		if (!this.ifMatch.isEmpty() && !ifMatchPasses(etag)) {
			return Outcome.PRECONDITION_FAILED;
		}
		if (this.ifMatch.isEmpty() && this.ifUnmodifiedSince >= 0
				&& !(lastModified >= 0 && lastModified <= this.ifUnmodifiedSince)) {
			return Outcome.PRECONDITION_FAILED;
		}
		if (!this.ifNoneMatch.isEmpty() && !ifNoneMatchPasses(etag)) {
			return Outcome.NOT_MODIFIED;
		}
		if (this.ifNoneMatch.isEmpty() && this.ifModifiedSince >= 0 && lastModified >= 0
				&& lastModified <= this.ifModifiedSince) {
			return Outcome.NOT_MODIFIED;
		}
		return Outcome.PROCEED;
	}

	private boolean ifMatchPasses(@Nullable String etag) {
		if (etag == null || etag.isEmpty()) {
			return false;
		}
		if (this.ifMatch.equals(ANY)) {
			// any current representation, even with a weak tag, matches '*'
			return true;
		}
		// strong comparison: a weak tag never matches
		return !etag.startsWith("W/") && this.ifMatch.contains(etag);
	}

	private boolean ifNoneMatchPasses(@Nullable String etag) {
		if (etag == null || etag.isEmpty()) {
			return true;
		}
		if (this.ifNoneMatch.equals(ANY)) {
			return false;
		}
		// weak comparison: the weakness indicator is ignored on both sides
		String opaque = opaque(etag);
		return this.ifNoneMatch.stream().map(Preconditions::opaque).noneMatch(opaque::equals);
	}

	private static String opaque(String etag) {
		return etag.startsWith("W/") ? etag.substring(2) : etag;
	}

	/**
	 * Django's {@code parse_etags}: {@code *}, or the well-formed entity tags of a
	 * comma-separated list, the others dropped.
	 */
	private static List<String> entityTags(@Nullable List<String> values) {
		if (values == null || values.isEmpty()) {
			return List.of();
		}
		String value = String.join(",", values);
		if (value.trim().equals("*")) {
			return ANY;
		}
		List<String> tags = new ArrayList<>();
		for (String candidate : value.split(",")) {
			String tag = candidate.trim();
			if (ENTITY_TAG.matcher(tag).matches()) {
				tags.add(tag);
			}
		}
		return tags;
	}

	/**
	 * What the evaluation asks for.
	 */
	enum Outcome {

		/** The response goes out as it is. */
		PROCEED,

		/** 304, with the response's validators and caching headers only. */
		NOT_MODIFIED,

		/** A bare 412. */
		PRECONDITION_FAILED

	}

}
