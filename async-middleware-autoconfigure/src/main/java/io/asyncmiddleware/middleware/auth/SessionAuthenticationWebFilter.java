package io.asyncmiddleware.middleware.auth;

import io.asyncmiddleware.chain.SynchronousRequestStep;
import io.asyncmiddleware.detection.NonBlocking;
import io.asyncmiddleware.handler.HandlerResolver;
import io.asyncmiddleware.handler.LoginRequired;
import io.asyncmiddleware.handler.ResolvedHandler;
import io.asyncmiddleware.handler.ViewPhase;
import io.asyncmiddleware.request.StackExchange;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.util.Assert;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * The {@code authentication} entry: Django's {@code AuthenticationMiddleware} on Spring
 * Security's reactive context.
 *
 * <p>The request's user is resolved lazily, at most once, from the session (Spring
 * Security's {@code SPRING_SECURITY_CONTEXT} attribute, checked against the session-auth
 * hash) and offered through {@link ReactiveSecurityContextHolder} and
 * {@code exchange.getPrincipal()}; an anonymous user when nobody is logged in. Nothing is
 * read from the session until something asks for the user.
 *
 * <p>Handlers marked {@link LoginRequired} answer anonymous users with a 302 to the
 * login URL carrying the requested path (Django's {@code @login_required}): at the view
 * position ({@link LoginRequiredViewDecorator}), or here when the application has none.
 */
@NonBlocking
public final class SessionAuthenticationWebFilter implements WebFilter, SynchronousRequestStep {

	private final SessionLogin sessionLogin;

	private final @Nullable HandlerResolver handlerResolver;

	private final String loginUrl;

	/**
	 * Creates the entry.
	 * @param sessionLogin resolves the user from the session
	 * @param handlerResolver finds {@link LoginRequired} on the handler, or {@code null}
	 * when the application has none (then nothing is redirected)
	 * @param loginUrl where anonymous users of {@link LoginRequired} handlers are sent
	 * (Django: LOGIN_URL)
	 */
	public SessionAuthenticationWebFilter(SessionLogin sessionLogin, @Nullable HandlerResolver handlerResolver,
			String loginUrl) {
		Assert.notNull(sessionLogin, "'sessionLogin' must not be null");
		Assert.hasText(loginUrl, "'loginUrl' must not be empty");
		checkLoginUrl(loginUrl);
		this.sessionLogin = sessionLogin;
		this.handlerResolver = handlerResolver;
		this.loginUrl = loginUrl;
	}

	/**
	 * Checks that a login URL can be redirected to, so that configuration errors surface
	 * at startup.
	 * @param loginUrl the login URL
	 * @throws IllegalArgumentException naming the URL and the property when it is invalid
	 */
	public static void checkLoginUrl(String loginUrl) {
		Assert.hasText(loginUrl, "The login URL must not be empty (async-middleware.authentication.login-url)");
		LoginRedirect.validate(loginUrl);
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		RequestUser user = installUser(exchange);
		return requireLogin(StackExchange.withPrincipal(exchange, user), chain, user)
			.contextWrite(securityContext(user));
	}

	/**
	 * A request whose handler is known at once and is not {@link LoginRequired} (most
	 * requests) needs only the lazy user and its security context.
	 * @param exchange the exchange
	 * @return the exchange with the lazy user, or {@code null} when the handler requires
	 * a login or is not known yet
	 */
	@Override
	public @Nullable ServerWebExchange passThrough(ServerWebExchange exchange) {
		if (this.handlerResolver != null && !ViewPhase.AVAILABLE.isTrue(exchange)) {
			ResolvedHandler handler = this.handlerResolver.resolvedNow(exchange);
			if (handler == null || handler.getAnnotation(LoginRequired.class) != null) {
				return null;
			}
		}
		return StackExchange.withPrincipal(exchange, installUser(exchange));
	}

	/**
	 * Offers the request's lazy user through {@link ReactiveSecurityContextHolder}.
	 * @return {@code true}
	 */
	@Override
	public boolean writesContext() {
		return true;
	}

	@Override
	public Context contextFor(ServerWebExchange passed, Context context) {
		// passed is what passThrough returned
		return context.putAll(securityContext(user(passed)).readOnly());
	}

	// the request's lazy user, which is also the principal of the exchange passed on
	private RequestUser installUser(ServerWebExchange exchange) {
		return RequestUser.install(exchange, Mono.defer(() -> this.sessionLogin.resolve(exchange)));
	}

	// the user passThrough installed
	private static RequestUser user(ServerWebExchange withUser) {
		RequestUser user = RequestUser.of(withUser);
		Assert.state(user != null, "No request user installed");
		return user;
	}

	private static Context securityContext(RequestUser user) {
		Mono<SecurityContext> context = user.get().map(SecurityContextImpl::new);
		return ReactiveSecurityContextHolder.withSecurityContext(context);
	}

	// without the view position (no DispatcherHandler), @LoginRequired is answered here
	private Mono<Void> requireLogin(ServerWebExchange exchange, WebFilterChain chain, RequestUser user) {
		if (this.handlerResolver == null || ViewPhase.AVAILABLE.isTrue(exchange)) {
			// the view position applies it (LoginRequiredViewDecorator), where dispatch
			// resolves the handler
			return chain.filter(exchange);
		}
		return this.handlerResolver.resolve(exchange).flatMap((handler) -> {
			@Nullable LoginRequired loginRequired = handler.getAnnotation(LoginRequired.class);
			if (loginRequired == null) {
				return chain.filter(exchange);
			}
			// without a view position no refusal is deferred: an entry above that refused
			// answered itself, and this request never got here
			return user.get().flatMap((authentication) -> SessionLogin.isAuthenticated(authentication)
					? chain.filter(exchange)
					: LoginRequiredViewDecorator.redirectToLogin(exchange, loginRequired, this.loginUrl));
		});
	}

}
