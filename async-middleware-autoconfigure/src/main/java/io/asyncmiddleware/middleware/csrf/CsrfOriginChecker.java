package io.asyncmiddleware.middleware.csrf;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Django's Origin and Referer checks against the request's host and
 * {@code CSRF_TRUSTED_ORIGINS}: exact origins, wildcard origins
 * ({@code https://*.example.com}, which also match the apex), and for the Referer the
 * trusted hosts whatever their scheme, then the cookie domain or the host.
 */
public final class CsrfOriginChecker {

	private final Set<String> exactOrigins = new HashSet<>();

	private final Map<String, List<String>> wildcardHostsByScheme = new LinkedHashMap<>();

	private final List<String> trustedHosts = new ArrayList<>();

	/**
	 * Creates a checker for the given trusted origins.
	 * @param trustedOrigins origins with a scheme, e.g. {@code https://*.example.com}
	 * @throws IllegalArgumentException if an origin has no scheme
	 */
	public CsrfOriginChecker(List<String> trustedOrigins) {
		for (String origin : trustedOrigins) {
			if (!origin.contains("://")) {
				throw new IllegalArgumentException("The values in async-middleware.csrf.trusted-origins must start with a scheme "
						+ "(usually http:// or https://) but found '" + origin + "'. Write it as e.g. 'https://" + origin
						+ "' (Django: CSRF_TRUSTED_ORIGINS, check 4_0.E001).");
			}
			SplitUrl url = SplitUrl.parse(origin);
			if (url == null) {
				throw new IllegalArgumentException("async-middleware.csrf.trusted-origins holds '" + origin
						+ "', which is not a valid URL; write an origin such as 'https://example.com'.");
			}
			String host = stripLeadingStars(url.netloc());
			this.trustedHosts.add(host);
			if (origin.contains("*")) {
				this.wildcardHostsByScheme.computeIfAbsent(url.scheme(), (scheme) -> new ArrayList<>()).add(host);
			}
			else {
				this.exactOrigins.add(origin);
			}
		}
	}

	/**
	 * Whether the Origin header is acceptable (Django: {@code _origin_verified}).
	 * @param origin the Origin header as sent
	 * @param host the request's host with port, or {@code null} when it is not allowed
	 * @param secure whether the request is secure
	 * @return {@code true} if accepted
	 */
	public boolean isOriginVerified(String origin, @Nullable String host, boolean secure) {
		if (host != null && origin.equals((secure ? "https" : "http") + "://" + host)) {
			return true;
		}
		if (this.exactOrigins.contains(origin)) {
			return true;
		}
		SplitUrl url = SplitUrl.parse(origin);
		if (url == null) {
			return false;
		}
		for (String pattern : this.wildcardHostsByScheme.getOrDefault(url.scheme(), List.of())) {
			if (isSameDomain(url.netloc(), pattern)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The failure of the Referer check of a secure request without Origin, if any
	 * (Django: {@code _check_referer}).
	 * @param referer the Referer header, or {@code null} when absent
	 * @param host the request's host with port, or {@code null} when it is not allowed
	 * @param cookieDomain the CSRF (or, in session mode, session) cookie domain, or {@code null}
	 * @param serverPort the server port, or {@code null} when unknown
	 * @return the reason, or {@code null} when the Referer is accepted
	 */
	public @Nullable String refererFailure(@Nullable String referer, @Nullable String host,
			@Nullable String cookieDomain, @Nullable Integer serverPort) {
		if (referer == null) {
			return CsrfFailureReason.NO_REFERER;
		}
		SplitUrl url = SplitUrl.parse(referer);
		if (url == null || url.scheme().isEmpty() || url.netloc().isEmpty()) {
			return CsrfFailureReason.MALFORMED_REFERER;
		}
		if (!url.scheme().equals("https")) {
			return CsrfFailureReason.INSECURE_REFERER;
		}
		for (String trusted : this.trustedHosts) {
			if (isSameDomain(url.netloc(), trusted)) {
				return null;
			}
		}
		String goodReferer;
		if (cookieDomain == null) {
			goodReferer = host;
		}
		else {
			goodReferer = (serverPort == null || serverPort == 80 || serverPort == 443) ? cookieDomain
					: cookieDomain + ":" + serverPort;
		}
		if (goodReferer == null || !isSameDomain(url.netloc(), goodReferer)) {
			// Django names the whole Referer; its query, fragment and userinfo can hold
			// secrets that would end up in the log (and the debug 403 page)
			return String.format(CsrfFailureReason.BAD_REFERER, url.toLoggableUrl());
		}
		return null;
	}

	// Django's is_same_domain: the pattern is lower-cased, the host is not
	static boolean isSameDomain(String host, String pattern) {
		if (pattern.isEmpty()) {
			return false;
		}
		String lower = pattern.toLowerCase(Locale.ROOT);
		return (lower.charAt(0) == '.' && (host.endsWith(lower) || host.equals(lower.substring(1))))
				|| lower.equals(host);
	}

	private static String stripLeadingStars(String netloc) {
		int start = 0;
		while (start < netloc.length() && netloc.charAt(start) == '*') {
			start++;
		}
		return netloc.substring(start);
	}

}
