package io.asyncmiddleware.middleware.csrf;

import java.util.Objects;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.DefaultCsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRepository;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;

/**
 * Keeps the CSRF secret in the session under {@code _csrftoken} (Django:
 * CSRF_USE_SESSIONS); writes it, and saves the session, only when it changed.
 */
public final class SessionCsrfSecretRepository implements ServerCsrfTokenRepository {

	/** The session key (Django: CSRF_SESSION_KEY). */
	public static final String SESSION_KEY = "_csrftoken";

	private final CsrfTokenFormat format;

	private final String headerName;

	private final String parameterName;

	/**
	 * Creates a repository.
	 * @param format the token format
	 * @param headerName the request header carrying a token
	 * @param parameterName the form field carrying a token
	 */
	public SessionCsrfSecretRepository(CsrfTokenFormat format, String headerName, String parameterName) {
		this.format = format;
		this.headerName = headerName;
		this.parameterName = parameterName;
	}

	@Override
	public Mono<CsrfToken> generateToken(ServerWebExchange exchange) {
		return Mono.fromSupplier(() -> new DefaultCsrfToken(this.headerName, this.parameterName, this.format.newSecret()));
	}

	// Saved here too, because the session manager may have saved before this runs at commit
	@Override
	public Mono<Void> saveToken(ServerWebExchange exchange, @Nullable CsrfToken token) {
		return exchange.getSession().flatMap((session) -> {
			String value = (token != null) ? token.getToken() : null;
			if (Objects.equals(session.getAttributes().get(SESSION_KEY), value)) {
				return Mono.empty();
			}
			if (value == null) {
				session.getAttributes().remove(SESSION_KEY);
			}
			else {
				session.getAttributes().put(SESSION_KEY, value);
			}
			return session.save();
		});
	}

	/**
	 * Puts the secret into the session at once if it differs, so that a session manager
	 * saving before the CSRF filter's commit action still sees it.
	 * @param session the session
	 * @param secret the secret
	 */
	void putSecret(WebSession session, String secret) {
		if (!secret.equals(session.getAttributes().get(SESSION_KEY))) {
			session.getAttributes().put(SESSION_KEY, secret);
		}
	}

	@Override
	public Mono<CsrfToken> loadToken(ServerWebExchange exchange) {
		return exchange.getSession()
			.mapNotNull((session) -> session.getAttributes().get(SESSION_KEY))
			.filter(String.class::isInstance)
			.map((value) -> new StoredCsrfSecret(this.headerName, this.parameterName, (String) value));
	}

}
