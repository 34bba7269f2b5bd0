package io.asyncmiddleware.middleware.csrf;

import java.io.Serial;

import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.DefaultCsrfToken;

/**
 * The token handlers and templates see: each {@link #getToken()} is Django's
 * {@code get_token}, a freshly masked token whose secret will be sent in the cookie.
 */
final class LazyCsrfToken implements CsrfToken {

	@Serial
	private static final long serialVersionUID = 1L;

	private final String headerName;

	private final String parameterName;

	private final transient RequestCsrfSecret secret;

	LazyCsrfToken(String headerName, String parameterName, RequestCsrfSecret secret) {
		this.headerName = headerName;
		this.parameterName = parameterName;
		this.secret = secret;
	}

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
		return this.secret.getToken();
	}

	@Serial
	private Object writeReplace() {
		return new DefaultCsrfToken(this.headerName, this.parameterName, getToken());
	}

	@Override
	public String toString() {
		return "LazyCsrfToken[parameterName=" + this.parameterName + "]";
	}

}
