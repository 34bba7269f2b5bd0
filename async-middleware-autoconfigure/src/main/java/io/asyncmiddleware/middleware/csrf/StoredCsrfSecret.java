package io.asyncmiddleware.middleware.csrf;

import java.io.Serial;

import org.springframework.security.web.server.csrf.CsrfToken;

/**
 * A stored value exactly as it came in, even empty or malformed: the filter judges its
 * format, as Django does ({@code DefaultCsrfToken} refuses empty values).
 *
 * @param headerName the request header carrying a token
 * @param parameterName the form field carrying a token
 * @param token the raw stored value
 */
record StoredCsrfSecret(String headerName, String parameterName, String token) implements CsrfToken {

	@Serial
	private static final long serialVersionUID = 1L;

	@Override
	public String getHeaderName() {
		return this.headerName;
	}

	@Override
	public String getParameterName() {
		return this.parameterName;
	}

	@Override
	public String getToken() {
		return this.token;
	}

}
