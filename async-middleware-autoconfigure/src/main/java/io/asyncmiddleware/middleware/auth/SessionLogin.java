package io.asyncmiddleware.middleware.auth;

import java.util.Optional;

import io.asyncmiddleware.middleware.csrf.CsrfTokenRotation;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.util.Assert;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;

/**
 * Django's {@code django.contrib.auth} session functions on Spring Security's session
 * attribute: {@link #login}, {@link #logout} and the resolution of the request's user.
 *
 * <p>The user lives in the session as Spring Security's {@code SecurityContext} under
 * {@value WebSessionServerSecurityContextRepository#DEFAULT_SPRING_SECURITY_CONTEXT_ATTR_NAME},
 * next to the session-auth hash under {@value #HASH_ATTRIBUTE} when a
 * {@link ReactiveUserDetailsService} is available to tell the user's current password.
 */
public final class SessionLogin {

	/** The session attribute holding the session-auth hash (Django's key). */
	public static final String HASH_ATTRIBUTE = "_auth_user_hash";

	private static final String CONTEXT_ATTRIBUTE = WebSessionServerSecurityContextRepository.DEFAULT_SPRING_SECURITY_CONTEXT_ATTR_NAME;

	private static final AuthenticationTrustResolver trustResolver = new AuthenticationTrustResolverImpl();

	private final WebSessionServerSecurityContextRepository contexts = new WebSessionServerSecurityContextRepository();

	private final @Nullable ReactiveUserDetailsService users;

	private final SessionAuthHash hash;

	private final Authentication anonymous;

	private final boolean trustSessionsWithoutHash;

	/**
	 * Creates the login functions; with a user service, a logged-in session without a
	 * session-auth hash is flushed, as Django does.
	 * @param users finds a user's current password for the session-auth hash, or
	 * {@code null} to store no hash and check none
	 * @param hash the session-auth hash function
	 */
	public SessionLogin(@Nullable ReactiveUserDetailsService users, SessionAuthHash hash) {
		this(users, hash, false);
	}

	/**
	 * Creates the login functions.
	 * @param users finds a user's current password for the session-auth hash, and whether
	 * the user may still log in; or {@code null} to store no hash and check nothing
	 * @param hash the session-auth hash function
	 * @param trustSessionsWithoutHash whether a logged-in session without a hash (written
	 * by another login, e.g. Spring Security's form login) is trusted instead of flushed
	 */
	public SessionLogin(@Nullable ReactiveUserDetailsService users, SessionAuthHash hash,
			boolean trustSessionsWithoutHash) {
		Assert.notNull(hash, "'hash' must not be null");
		this.users = users;
		this.hash = hash;
		this.trustSessionsWithoutHash = trustSessionsWithoutHash;
		this.anonymous = new AnonymousAuthenticationToken(SessionLogin.class.getName(), "anonymousUser",
				AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
	}

	/**
	 * Logs the user in, as Django's {@code login()}: a session that holds another user (or
	 * the same user with a stale password) is flushed; a session of the same user is kept
	 * as it is; an anonymous session keeps its data under a new key. Then the user and
	 * the session-auth hash are stored and the CSRF secret is rotated.
	 * <p>The authentication's credentials are erased first (as Spring Security's
	 * {@code ProviderManager} does), so that no password is kept in the session.
	 * @param exchange the current exchange (after the {@code session} entry)
	 * @param authentication the authenticated user
	 * @return completes when the session holds the user
	 */
	public Mono<Void> login(ServerWebExchange exchange, Authentication authentication) {
		Assert.notNull(authentication, "'authentication' must not be null");
		Assert.isTrue(isAuthenticated(authentication), "'authentication' must be an authenticated user");
		// Django never keeps the password in the session; neither do we.
		if (authentication instanceof CredentialsContainer container) {
			container.eraseCredentials();
		}
		return exchange.getSession()
			.zipWith(currentHash(authentication.getName()).map(Optional::of).defaultIfEmpty(Optional.empty()))
			.flatMap((sessionAndHash) -> {
				WebSession session = sessionAndHash.getT1();
				@Nullable String newHash = sessionAndHash.getT2().orElse(null);
				return renewKey(session, authentication, newHash).then(Mono.fromRunnable(() -> {
					session.getAttributes().put(CONTEXT_ATTRIBUTE, new SecurityContextImpl(authentication));
					if (newHash != null) {
						session.getAttributes().put(HASH_ATTRIBUTE, newHash);
					}
					else {
						session.getAttributes().remove(HASH_ATTRIBUTE);
					}
					RequestUser.set(exchange, authentication);
				}));
			})
			.then(Mono.defer(() -> CsrfTokenRotation.rotate(exchange)));
	}

	/**
	 * Logs the user out, as Django's {@code logout()}: the session is flushed (its cookie
	 * is deleted) and the request's user becomes anonymous.
	 * @param exchange the current exchange
	 * @return completes when the session is flushed
	 */
	public Mono<Void> logout(ServerWebExchange exchange) {
		return exchange.getSession()
			.flatMap(WebSession::invalidate)
			.then(Mono.fromRunnable(() -> RequestUser.set(exchange, this.anonymous)));
	}

	/**
	 * The user stored in the request's session, verified as Django's {@code get_user}
	 * does: when the user no longer exists or may no longer log in (disabled, locked,
	 * expired), when the session-auth hash is stale, or when there is none, the session is
	 * flushed and the user is anonymous.
	 * @param exchange the current exchange
	 * @return the user, or an anonymous authentication
	 */
	Mono<Authentication> resolve(ServerWebExchange exchange) {
		return this.contexts.load(exchange)
			.mapNotNull(SecurityContext::getAuthentication)
			.filter(SessionLogin::isAuthenticated)
			.flatMap((authentication) -> exchange.getSession().flatMap((session) -> verify(session, authentication)))
			.defaultIfEmpty(this.anonymous);
	}

	/**
	 * Whether a logged-in session without a session-auth hash is trusted (written by
	 * another login) instead of flushed.
	 * @return {@code true} if such sessions are kept
	 */
	public boolean trustsSessionsWithoutHash() {
		return this.trustSessionsWithoutHash;
	}

	/**
	 * The anonymous user of requests without a logged-in user.
	 * @return the anonymous authentication
	 */
	public Authentication anonymous() {
		return this.anonymous;
	}

	static boolean isAuthenticated(@Nullable Authentication authentication) {
		return authentication != null && authentication.isAuthenticated() && !trustResolver.isAnonymous(authentication);
	}

	private Mono<Void> renewKey(WebSession session, Authentication authentication, @Nullable String newHash) {
		@Nullable SecurityContext stored = session.getAttribute(CONTEXT_ATTRIBUTE);
		if (stored == null || !isAuthenticated(stored.getAuthentication())) {
			return session.changeSessionId();
		}
		boolean otherUser = !stored.getAuthentication().getName().equals(authentication.getName());
		boolean staleHash = newHash != null && !SessionAuthHash.matches(session.getAttribute(HASH_ATTRIBUTE), newHash);
		return (otherUser || staleHash) ? session.invalidate() : Mono.empty();
	}

	private Mono<Authentication> verify(WebSession session, Authentication authentication) {
		ReactiveUserDetailsService users = this.users;
		if (users == null) {
			// nothing to check against: the stored context is trusted as Spring Security
			// trusts it
			return Mono.just(authentication);
		}
		@Nullable String storedHash = session.getAttribute(HASH_ATTRIBUTE);
		if (storedHash == null && !this.trustSessionsWithoutHash) {
			// Django's get_user: a session whose hash cannot be verified is flushed
			return session.invalidate().thenReturn(this.anonymous);
		}
		return users.findByUsername(authentication.getName())
			.filter(SessionLogin::mayLogIn)
			.filter((user) -> storedHash == null || hashMatches(storedHash, user))
			.map((user) -> authentication)
			.switchIfEmpty(Mono.defer(() -> session.invalidate().thenReturn(this.anonymous)));
	}

	private boolean hashMatches(String storedHash, UserDetails user) {
		@Nullable String password = user.getPassword();
		return password != null && SessionAuthHash.matches(storedHash, this.hash.of(password));
	}

	// Django's ModelBackend.user_can_authenticate (is_active), with Spring Security's
	// other account states
	private static boolean mayLogIn(UserDetails user) {
		return user.isEnabled() && user.isAccountNonLocked() && user.isAccountNonExpired();
	}

	private Mono<String> currentHash(String username) {
		if (this.users == null) {
			return Mono.empty();
		}
		return this.users.findByUsername(username).mapNotNull(UserDetails::getPassword).map(this.hash::of);
	}

}
