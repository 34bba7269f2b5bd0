package io.asyncmiddleware.autoconfigure.check;

import java.util.ArrayList;
import java.util.List;

import io.asyncmiddleware.autoconfigure.csrf.CsrfMiddlewareProperties;
import io.asyncmiddleware.check.DeployCheck;
import io.asyncmiddleware.check.DeployFinding;
import io.asyncmiddleware.stack.MiddlewareStack;
import org.jspecify.annotations.Nullable;

/**
 * Django's checks of {@code CsrfViewMiddleware} ({@code django/core/checks/security/csrf.py}):
 * W003, W016; and W018 ({@code DEBUG}), whose only equivalent here is the CSRF failure
 * page's debug output.
 */
final class CsrfDeployChecks implements DeployCheck {

	private static final String ENTRY = "csrf";

	private final MiddlewareStack stack;

	private final @Nullable CsrfMiddlewareProperties properties;

	CsrfDeployChecks(MiddlewareStack stack, @Nullable CsrfMiddlewareProperties properties) {
		this.stack = stack;
		this.properties = properties;
	}

	@Override
	public List<DeployFinding> check() {
		CsrfMiddlewareProperties csrf = this.properties;
		if (this.stack.getEntry(ENTRY).isEmpty() || csrf == null) {
			return List.of(new DeployFinding("security.W003", "async-middleware.stack without 'csrf'",
					"unsafe requests (POST, PUT, DELETE, ...) are not protected against cross-site request forgery",
					"add 'csrf' to async-middleware.stack, after 'session'"));
		}
		List<DeployFinding> findings = new ArrayList<>();
		if (!csrf.isUseSessions() && !csrf.isCookieSecure()) {
			findings.add(new DeployFinding("security.W016", "async-middleware.csrf.cookie-secure=false",
					"the CSRF cookie is also sent over plain HTTP, where a network observer can read the token",
					"set async-middleware.csrf.cookie-secure=true (the site must be served over HTTPS)"));
		}
		if (csrf.isDebug()) {
			findings.add(new DeployFinding("security.W018", "async-middleware.csrf.debug=true",
					"the 403 page tells an attacker why the request was refused",
					"set async-middleware.csrf.debug=false in deployment"));
		}
		return findings;
	}

}
