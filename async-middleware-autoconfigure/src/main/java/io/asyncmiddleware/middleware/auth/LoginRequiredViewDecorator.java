package io.asyncmiddleware.middleware.auth;

import io.asyncmiddleware.handler.LoginRequired;
import io.asyncmiddleware.handler.ResolvedHandler;
import io.asyncmiddleware.handler.ViewDecorator;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.util.StringUtils;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebHandler;

/**
 * Django's {@code @login_required} at the view position: a handler marked
 * {@link LoginRequired} answers an anonymous user with a 302 to the login URL carrying the
 * requested path, after every entry's request phase and view-level check, as Django's
 * decorator answers from the view. It applies to requests the {@code authentication}
 * entry gave a user; without that entry in the stack nothing knows the user, and the
 * handler runs.
 */
public final class LoginRequiredViewDecorator implements ViewDecorator {

	private final String loginUrl;

	/**
	 * Creates the decorator.
	 * @param loginUrl where anonymous users are sent when the annotation names no URL
	 * (Django: LOGIN_URL)
	 */
	public LoginRequiredViewDecorator(String loginUrl) {
		SessionAuthenticationWebFilter.checkLoginUrl(loginUrl);
		this.loginUrl = loginUrl;
	}

	@Override
	public @Nullable Mono<WebHandler> decorate(ServerWebExchange exchange, ResolvedHandler handler) {
		LoginRequired loginRequired = handler.getAnnotation(LoginRequired.class);
		if (loginRequired == null) {
			return null;
		}
		RequestUser user = RequestUser.of(exchange);
		if (user == null) {
			return null;
		}
		return user.get()
			.filter((authentication) -> !SessionLogin.isAuthenticated(authentication))
			.map((anonymous) -> (refused) -> redirectToLogin(refused, loginRequired, this.loginUrl));
	}

	static Mono<Void> redirectToLogin(ServerWebExchange exchange, LoginRequired loginRequired, String loginUrl) {
		String url = StringUtils.hasText(loginRequired.loginUrl()) ? loginRequired.loginUrl() : loginUrl;
		String field = StringUtils.hasText(loginRequired.redirectFieldName()) ? loginRequired.redirectFieldName()
				: "next";
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(HttpStatus.FOUND);
		response.getHeaders().set("Location", LoginRedirect.location(url, field, exchange.getRequest()));
		return response.setComplete();
	}

}
