package io.asyncmiddleware.autoconfigure.springsecurity;

/**
 * A part of the application's Spring Security chain that a stack entry also does.
 *
 * @param part what Spring Security does, e.g. {@code CsrfWebFilter} or the
 * {@code X-Frame-Options} header
 * @param entry the stack entry that does it too
 */
public record SpringSecurityDuplicate(String part, String entry) {

	/**
	 * Whether this is Spring Security's CSRF check.
	 * @return {@code true} for the CSRF filter, {@code false} for a header
	 */
	public boolean isCsrf() {
		return this.part.equals(CSRF);
	}

	/** The part name of Spring Security's CSRF filter. */
	static final String CSRF = "CsrfWebFilter";

}
