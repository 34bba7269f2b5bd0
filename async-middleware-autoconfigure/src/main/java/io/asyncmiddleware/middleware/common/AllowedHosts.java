package io.asyncmiddleware.middleware.common;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Django's {@code ALLOWED_HOSTS} check ({@code validate_host}): a pattern matches a host
 * exactly, {@code *} matches any host, and {@code .example.com} matches
 * {@code example.com} and every subdomain of it. Hosts and patterns compare ignoring case;
 * the port and a trailing dot of the host are ignored. An empty list allows every host, as
 * Spring applications do not validate hosts by default.
 */
public final class AllowedHosts {

	/** A host name or bracketed IPv6 address, with an optional port (Django's host_validation_re). */
	private static final Pattern HOST = Pattern.compile("([a-z0-9.-]+|\\[[a-f0-9]*:[a-f0-9.:]+])(:[0-9]+)?");

	private final List<String> patterns;

	/**
	 * Creates the check.
	 * @param patterns the allowed hosts, e.g. {@code localhost}, {@code .example.com}, {@code *}
	 */
	public AllowedHosts(List<String> patterns) {
		Assert.notNull(patterns, "'patterns' must not be null");
		this.patterns = patterns.stream().map((pattern) -> pattern.trim().toLowerCase(Locale.ROOT)).toList();
	}

	/**
	 * Whether a request with this {@code Host} header value is allowed.
	 * @param host the header value, with or without a port; {@code null} when absent
	 * @return {@code true} if allowed
	 */
	public boolean isAllowed(@Nullable String host) {
		if (this.patterns.isEmpty()) {
			return true;
		}
		String domain = domain(host);
		if (domain == null) {
			return false;
		}
		for (String pattern : this.patterns) {
			if (pattern.equals("*") || pattern.equals(domain)) {
				return true;
			}
			if (pattern.startsWith(".") && (domain.endsWith(pattern) || domain.equals(pattern.substring(1)))) {
				return true;
			}
		}
		return false;
	}

	/** The host without its port and trailing dot, or {@code null} if it is not a valid host. */
	private static @Nullable String domain(@Nullable String host) {
		if (host == null) {
			return null;
		}
		Matcher matcher = HOST.matcher(host.toLowerCase(Locale.ROOT));
		if (!matcher.matches()) {
			return null;
		}
		String domain = matcher.group(1);
		return domain.endsWith(".") ? domain.substring(0, domain.length() - 1) : domain;
	}

}
