package io.asyncmiddleware.middleware.csrf;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * A URL split the way Python's {@code urllib.parse.urlsplit} splits it, which decides
 * what Django's Origin and Referer checks see: the scheme lower-cased only when it is a
 * valid scheme, the netloc as sent (case kept), and unbalanced or invalid brackets in
 * the netloc rejected.
 *
 * @param scheme the scheme, lower-cased, or empty
 * @param netloc the network location as sent, or empty
 * @param path the path
 * @param query the query, without {@code ?}
 * @param fragment the fragment, without {@code #}
 */
record SplitUrl(String scheme, String netloc, String path, String query, String fragment) {

	private static final String SCHEME_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+-.";

	/**
	 * Splits a URL.
	 * @param url the URL
	 * @return the parts, or {@code null} where Python raises {@code ValueError}
	 */
	static @Nullable SplitUrl parse(String url) {
		String rest = stripLeadingControlOrSpace(url).replace("\t", "").replace("\r", "").replace("\n", "");
		String scheme = "";
		int colon = rest.indexOf(':');
		if (colon > 0 && isAsciiLetter(rest.charAt(0)) && allSchemeChars(rest.substring(0, colon))) {
			scheme = rest.substring(0, colon).toLowerCase(Locale.ROOT);
			rest = rest.substring(colon + 1);
		}
		String netloc = "";
		if (rest.startsWith("//")) {
			int end = rest.length();
			for (char delimiter : new char[] { '/', '?', '#' }) {
				int at = rest.indexOf(delimiter, 2);
				if (at >= 0) {
					end = Math.min(end, at);
				}
			}
			netloc = rest.substring(2, end);
			rest = rest.substring(end);
			boolean open = netloc.indexOf('[') >= 0;
			boolean close = netloc.indexOf(']') >= 0;
			if (open != close || (open && !isValidBracketedHost(netloc))) {
				return null;
			}
		}
		String fragment = "";
		int hash = rest.indexOf('#');
		if (hash >= 0) {
			fragment = rest.substring(hash + 1);
			rest = rest.substring(0, hash);
		}
		String query = "";
		int question = rest.indexOf('?');
		if (question >= 0) {
			query = rest.substring(question + 1);
			rest = rest.substring(0, question);
		}
		return new SplitUrl(scheme, netloc, rest, query, fragment);
	}

	/**
	 * The URL put back together, as Python's {@code geturl()} does (empty query and
	 * fragment dropped).
	 * @return the URL
	 */
	String toUrl() {
		StringBuilder url = new StringBuilder();
		if (!this.scheme.isEmpty()) {
			url.append(this.scheme).append(':');
		}
		if (!this.netloc.isEmpty()) {
			url.append("//").append(this.netloc);
		}
		url.append(this.path);
		if (!this.query.isEmpty()) {
			url.append('?').append(this.query);
		}
		if (!this.fragment.isEmpty()) {
			url.append('#').append(this.fragment);
		}
		return url.toString();
	}

	/**
	 * The URL as it may be logged: scheme, host with port and path, without the userinfo,
	 * query and fragment, which can carry credentials and tokens.
	 * @return the URL without its secret-bearing parts
	 */
	String toLoggableUrl() {
		String host = this.netloc.substring(this.netloc.lastIndexOf('@') + 1);
		return new SplitUrl(this.scheme, host, this.path, "", "").toUrl();
	}

	private static String stripLeadingControlOrSpace(String url) {
		int start = 0;
		while (start < url.length() && url.charAt(start) <= ' ') {
			start++;
		}
		return url.substring(start);
	}

	private static boolean isAsciiLetter(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
	}

	private static boolean allSchemeChars(String candidate) {
		for (int i = 0; i < candidate.length(); i++) {
			if (SCHEME_CHARS.indexOf(candidate.charAt(i)) < 0) {
				return false;
			}
		}
		return true;
	}

	// Python 3.11+ accepts only an IPv6 address or an IPvFuture literal in brackets
	private static boolean isValidBracketedHost(String netloc) {
		int open = netloc.indexOf('[');
		int close = netloc.indexOf(']', open + 1);
		if (close < 0) {
			return false;
		}
		String host = netloc.substring(open + 1, close);
		if (host.startsWith("v")) {
			return host.matches("v[0-9a-fA-F]+\\.[a-zA-Z0-9._~!$&'()*+,;=:-]+");
		}
		// only hex digits, colons and dots: parsed as a literal, never looked up
		if (host.indexOf(':') < 0 || !host.matches("[0-9a-fA-F:.]+")) {
			return false;
		}
		try {
			return InetAddress.getByName(host) != null;
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

}
