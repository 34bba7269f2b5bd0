package io.asyncmiddleware.middleware;

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
 * the port and a trailing dot of the host are ignored. A host that is not a host name or
 * bracketed IPv6 address with an optional port is never allowed, as Django's
 * {@code get_host()} refuses it whatever {@code ALLOWED_HOSTS} says, so that it cannot
 * end up in a {@code Location} or an absolute URL. An empty list allows every valid host,
 * as Spring applications do not validate hosts by default.
 *
 * @see RequestUrl#host(org.springframework.http.server.reactive.ServerHttpRequest,
 * AllowedHosts)
 */
public final class AllowedHosts {

	/** Every valid host: what an empty {@code allowed-hosts} means. */
	public static final AllowedHosts ANY = new AllowedHosts(List.of());

	/** A host name or bracketed IPv6 address, with an optional port (Django's host_validation_re). */
	private static final Pattern HOST = Pattern.compile("([a-z0-9.-]+|\\[[a-f0-9]*:[a-f0-9.:]+])(:[0-9]+)?");

	private final List<String> patterns;

	// the last host checked and its verdict: a site's requests name the same few hosts, and
	// the check (a regular expression and a lower-cased copy) runs on every request
	private volatile @Nullable Checked last;

	/**
	 * Creates the check.
	 * @param patterns the allowed hosts, e.g. {@code localhost}, {@code .example.com}, {@code *}
	 */
	public AllowedHosts(List<String> patterns) {
		Assert.notNull(patterns, "'patterns' must not be null");
		this.patterns = patterns.stream().map((pattern) -> pattern.trim().toLowerCase(Locale.ROOT)).toList();
	}

	/**
	 * Whether a request with this {@code Host} header value is allowed. A request that
	 * names no host at all (HTTP/1.0 without {@code Host}, a mock request) is allowed only
	 * when every host is.
	 * @param host the header value, with or without a port; {@code null} when absent
	 * @return {@code true} if allowed
	 */
	public boolean isAllowed(@Nullable String host) {
		if (host == null) {
			return this.patterns.isEmpty();
		}
		Checked last = this.last;
		if (last != null && last.host().equals(host)) {
			return last.allowed();
		}
		boolean allowed = check(host);
		this.last = new Checked(host, allowed);
		return allowed;
	}

	/**
	 * Whether no hosts are listed: every valid host is then allowed, except where a host is
	 * put into a redirect's {@code Location} (the {@code security} entry's HTTPS redirect
	 * refuses then, as Django refuses every host when {@code ALLOWED_HOSTS} is empty).
	 * @return {@code true} if the list is empty
	 */
	public boolean isEmpty() {
		return this.patterns.isEmpty();
	}

	private boolean check(String host) {
		String domain = domain(host);
		if (domain == null) {
			return false;
		}
		if (this.patterns.isEmpty()) {
			return true;
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
	private static @Nullable String domain(String host) {
		Matcher matcher = HOST.matcher(host.toLowerCase(Locale.ROOT));
		if (!matcher.matches()) {
			return null;
		}
		String domain = matcher.group(1);
		return domain.endsWith(".") ? domain.substring(0, domain.length() - 1) : domain;
	}

	private record Checked(String host, boolean allowed) {
	}

}
