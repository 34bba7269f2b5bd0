package io.asyncmiddleware.autoconfigure.check;

import java.util.ArrayList;
import java.util.List;

import io.asyncmiddleware.autoconfigure.messages.MessagesMiddlewareProperties;
import io.asyncmiddleware.autoconfigure.session.SessionMiddlewareProperties;
import io.asyncmiddleware.check.DeployCheck;
import io.asyncmiddleware.check.DeployFinding;
import io.asyncmiddleware.stack.MiddlewareStack;
import org.jspecify.annotations.Nullable;

/**
 * Django's checks of the session cookie ({@code django/core/checks/security/sessions.py}):
 * W012 (not Secure), W015 (not HttpOnly). Django's messages cookie takes the session
 * cookie's settings; here it has its own, checked under the same ids.
 */
final class CookieDeployChecks implements DeployCheck {

	private final MiddlewareStack stack;

	private final @Nullable SessionMiddlewareProperties session;

	private final @Nullable MessagesMiddlewareProperties messages;

	CookieDeployChecks(MiddlewareStack stack, @Nullable SessionMiddlewareProperties session,
			@Nullable MessagesMiddlewareProperties messages) {
		this.stack = stack;
		this.session = session;
		this.messages = messages;
	}

	@Override
	public List<DeployFinding> check() {
		List<DeployFinding> findings = new ArrayList<>();
		SessionMiddlewareProperties session = this.session;
		if (session != null && this.stack.getEntry("session").isPresent()) {
			if (!session.isCookieSecure()) {
				findings.add(notSecure("async-middleware.session.cookie-secure", "session cookie",
						"hijack the session"));
			}
			if (!session.isCookieHttpOnly()) {
				findings.add(new DeployFinding("security.W015", "async-middleware.session.cookie-http-only=false",
						"scripts can read the session cookie, so a cross-site scripting flaw can steal sessions",
						"set async-middleware.session.cookie-http-only=true"));
			}
		}
		MessagesMiddlewareProperties messages = this.messages;
		if (messages != null && this.stack.getEntry("messages").isPresent()
				&& messages.getStorage() != MessagesMiddlewareProperties.Storage.SESSION && !messages.isCookieSecure()) {
			findings.add(notSecure("async-middleware.messages.cookie-secure", "messages cookie",
					"read the pending messages"));
		}
		return findings;
	}

	private static DeployFinding notSecure(String property, String cookie, String risk) {
		return new DeployFinding("security.W012", property + "=false",
				"the " + cookie + " is also sent over plain HTTP, where a network observer can " + risk,
				"set " + property + "=true (the site must be served over HTTPS)");
	}

}
