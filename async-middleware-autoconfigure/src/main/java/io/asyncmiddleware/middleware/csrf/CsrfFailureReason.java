package io.asyncmiddleware.middleware.csrf;

/**
 * Django's CSRF rejection reasons, word for word; they appear in the log line and, with
 * the debug property, in the 403 page.
 */
public final class CsrfFailureReason {

	/** Django: REASON_BAD_ORIGIN; {@code %s} is the Origin header. */
	public static final String BAD_ORIGIN = "Origin checking failed - %s does not match any trusted origins.";

	/** Django: REASON_NO_REFERER. */
	public static final String NO_REFERER = "Referer checking failed - no Referer.";

	/**
	 * Django: REASON_BAD_REFERER; {@code %s} is the Referer URL without its userinfo, query
	 * and fragment (Django names it whole).
	 */
	public static final String BAD_REFERER = "Referer checking failed - %s does not match any trusted origins.";

	/** Django: REASON_NO_CSRF_COOKIE, also in session mode. */
	public static final String NO_CSRF_COOKIE = "CSRF cookie not set.";

	/** Django: REASON_CSRF_TOKEN_MISSING. */
	public static final String CSRF_TOKEN_MISSING = "CSRF token missing.";

	/** Django: REASON_MALFORMED_REFERER. */
	public static final String MALFORMED_REFERER = "Referer checking failed - Referer is malformed.";

	/** Django: REASON_INSECURE_REFERER. */
	public static final String INSECURE_REFERER = "Referer checking failed - Referer is insecure while host is secure.";

	/** Django: REASON_INCORRECT_LENGTH, a fragment. */
	public static final String INCORRECT_LENGTH = "has incorrect length";

	/** Django: REASON_INVALID_CHARACTERS, a fragment. */
	public static final String INVALID_CHARACTERS = "has invalid characters";

	/** The fragment for a well-formed token that does not match. */
	public static final String INCORRECT = "incorrect";

	private CsrfFailureReason() {
	}

	/**
	 * The reason for a malformed incoming cookie, e.g. {@code CSRF cookie has incorrect length.}.
	 * @param problem a format fragment
	 * @return the reason
	 */
	public static String badCookie(String problem) {
		return "CSRF cookie " + problem + ".";
	}

	/**
	 * The reason for a bad token from the form field.
	 * @param problem a format fragment or {@link #INCORRECT}
	 * @return e.g. {@code CSRF token from POST incorrect.}
	 */
	public static String badFormToken(String problem) {
		return "CSRF token from POST " + problem + ".";
	}

	/**
	 * The reason for a bad token from the header.
	 * @param headerDisplayName the header as Django names it, e.g. {@code X-Csrftoken}
	 * @param problem a format fragment or {@link #INCORRECT}
	 * @return e.g. {@code CSRF token from the 'X-Csrftoken' HTTP header incorrect.}
	 */
	public static String badHeaderToken(String headerDisplayName, String problem) {
		return "CSRF token from the '" + headerDisplayName + "' HTTP header " + problem + ".";
	}

	/**
	 * The header's name as Django's messages show it: its WSGI form
	 * ({@code HTTP_X_CSRFTOKEN}) without {@code HTTP_}, underscores as hyphens, title-cased.
	 * @param headerName the header name, e.g. {@code X-CSRFToken}
	 * @return e.g. {@code X-Csrftoken}
	 */
	public static String headerDisplayName(String headerName) {
		StringBuilder name = new StringBuilder(headerName.length());
		boolean previousIsLetter = false;
		for (int i = 0; i < headerName.length(); i++) {
			char c = headerName.charAt(i);
			if (c == '_') {
				c = '-';
			}
			boolean letter = Character.isLetter(c);
			name.append(letter ? (previousIsLetter ? Character.toLowerCase(c) : Character.toUpperCase(c)) : c);
			previousIsLetter = letter;
		}
		return name.toString();
	}

}
