package io.asyncmiddleware.autoconfigure.common;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the {@code common} entry, Django's {@code CommonMiddleware}.
 */
@ConfigurationProperties("async-middleware.common")
public class CommonMiddlewareProperties {

	/**
	 * Whether a 404 for a path without a trailing slash is redirected (301) to the slashed
	 * path when only that one routes (Django: APPEND_SLASH).
	 */
	private boolean appendSlash = true;

	/**
	 * Whether requests to a host without "www." are redirected (301) to "www.<host>"
	 * (Django: PREPEND_WWW).
	 */
	private boolean prependWww;

	/**
	 * Regular expressions; a User-Agent any of them finds is refused with 403 (Django:
	 * DISALLOWED_USER_AGENTS).
	 */
	private List<String> disallowedUserAgents = new ArrayList<>();

	/**
	 * Hosts served: exact names, ".example.com" for a domain and its subdomains, or "*";
	 * other hosts, and malformed Host headers, get 400, also instead of the 'security'
	 * entry's HTTPS redirect. Empty allows every well-formed host, except that the HTTPS
	 * redirect then refuses every request with 400 unless 'security.ssl-host' is set
	 * (Django: ALLOWED_HOSTS).
	 */
	private List<String> allowedHosts = new ArrayList<>();

	public boolean isAppendSlash() {
		return this.appendSlash;
	}

	public void setAppendSlash(boolean appendSlash) {
		this.appendSlash = appendSlash;
	}

	public boolean isPrependWww() {
		return this.prependWww;
	}

	public void setPrependWww(boolean prependWww) {
		this.prependWww = prependWww;
	}

	public List<String> getDisallowedUserAgents() {
		return this.disallowedUserAgents;
	}

	public void setDisallowedUserAgents(List<String> disallowedUserAgents) {
		this.disallowedUserAgents = disallowedUserAgents;
	}

	public List<String> getAllowedHosts() {
		return this.allowedHosts;
	}

	public void setAllowedHosts(List<String> allowedHosts) {
		this.allowedHosts = allowedHosts;
	}

}
