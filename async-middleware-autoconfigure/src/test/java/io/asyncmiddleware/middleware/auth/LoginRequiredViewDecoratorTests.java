package io.asyncmiddleware.middleware.auth;

import java.lang.annotation.Annotation;
import java.util.Map;

import io.asyncmiddleware.handler.LoginRequired;
import io.asyncmiddleware.handler.ResolvedHandler;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LoginRequiredViewDecorator}.
 */
class LoginRequiredViewDecoratorTests {

	private final LoginRequiredViewDecorator decorator = new LoginRequiredViewDecorator("/accounts/login/");

	@Test
	void aHandlerWithoutTheAnnotationCostsNothing() {
		ServerWebExchange exchange = exchangeWithUser(anonymous());
		assertThat(this.decorator.decorate(exchange, new ResolvedHandler("view", Map.of()))).isNull();
	}

	@Test
	void withoutTheAuthenticationEntryNothingKnowsTheUser() {
		ServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/private/"));
		assertThat(this.decorator.decorate(exchange, loginRequired())).isNull();
	}

	@Test
	void anAnonymousUserIsSentToTheLoginPageWithTheRequestedPath() {
		ServerWebExchange exchange = exchangeWithUser(anonymous());
		WebHandler answer = this.decorator.decorate(exchange, loginRequired()).block();
		assertThat(answer).isNotNull();
		answer.handle(exchange).block();
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.FOUND);
		assertThat(exchange.getResponse().getHeaders().getFirst("Location"))
			.isEqualTo("/accounts/login/?next=/private/");
	}

	@Test
	void aLoggedInUserReachesTheView() {
		ServerWebExchange exchange = exchangeWithUser(UsernamePasswordAuthenticationToken.authenticated("alice",
				null, AuthorityUtils.createAuthorityList("ROLE_USER")));
		assertThat(this.decorator.decorate(exchange, loginRequired()).blockOptional()).isEmpty();
	}

	private static ServerWebExchange exchangeWithUser(Authentication user) {
		ServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/private/"));
		RequestUser.install(exchange, Mono.just(user));
		return exchange;
	}

	private static Authentication anonymous() {
		return new AnonymousAuthenticationToken("key", "anonymousUser",
				AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
	}

	private static ResolvedHandler loginRequired() {
		LoginRequired annotation = Private.class.getAnnotation(LoginRequired.class);
		Map<Class<? extends Annotation>, Annotation> annotations = Map.of(LoginRequired.class, annotation);
		return new ResolvedHandler("view", annotations);
	}

	@LoginRequired
	static class Private {

	}

}
