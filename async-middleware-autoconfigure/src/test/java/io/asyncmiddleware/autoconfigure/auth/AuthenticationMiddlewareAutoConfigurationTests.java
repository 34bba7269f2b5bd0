package io.asyncmiddleware.autoconfigure.auth;

import java.nio.charset.StandardCharsets;

import io.asyncmiddleware.autoconfigure.AsyncMiddlewareAutoConfiguration;
import io.asyncmiddleware.autoconfigure.handler.HandlerResolverAutoConfiguration;
import io.asyncmiddleware.autoconfigure.session.SessionMiddlewareAutoConfiguration;
import io.asyncmiddleware.autoconfigure.springsecurity.SpringSecurityCompositionAutoConfiguration;
import io.asyncmiddleware.handler.ViewPhaseHandlerMapping;
import io.asyncmiddleware.middleware.auth.LoginRequiredViewDecorator;
import io.asyncmiddleware.middleware.auth.SessionAuthHash;
import io.asyncmiddleware.middleware.auth.SessionAuthenticationWebFilter;
import io.asyncmiddleware.middleware.auth.SessionLogin;
import io.asyncmiddleware.stack.BuiltInMiddleware;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;

import static org.assertj.core.api.Assertions.assertThat;

class AuthenticationMiddlewareAutoConfigurationTests {

	private final ReactiveWebApplicationContextRunner contextRunner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SessionMiddlewareAutoConfiguration.class,
				AuthenticationMiddlewareAutoConfiguration.class, AsyncMiddlewareAutoConfiguration.class));

	@Test
	void contributesAuthenticationEntryAndSessionLogin() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(SessionLogin.class);
			assertThat(context.getBeansOfType(BuiltInMiddleware.class).values())
				.anySatisfy((entry) -> {
					assertThat(entry.name()).isEqualTo("authentication");
					assertThat(entry.filterType()).isEqualTo(SessionAuthenticationWebFilter.class);
					assertThat(entry.filterFactory().get()).isInstanceOf(SessionAuthenticationWebFilter.class);
				});
		});
	}

	@Test
	void contributesLoginRequiredToTheViewPosition() {
		this.contextRunner.withPropertyValues("async-middleware.authentication.login-url=/sign-in/")
			.withConfiguration(AutoConfigurations.of(HandlerResolverAutoConfiguration.class))
			.run((context) -> {
				assertThat(context).hasSingleBean(LoginRequiredViewDecorator.class);
				assertThat(context).hasSingleBean(ViewPhaseHandlerMapping.class);
				assertThat(context.getBean(ViewPhaseHandlerMapping.class)).extracting("decorators")
					.asInstanceOf(InstanceOfAssertFactories.LIST)
					.containsExactly(context.getBean(LoginRequiredViewDecorator.class));
			});
	}

	@Test
	void stackWithSessionBeforeAuthenticationStarts() {
		this.contextRunner
			.withPropertyValues("async-middleware.stack=session,authentication")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void stackWithoutSessionFailsStartup() {
		this.contextRunner.withPropertyValues("async-middleware.stack=authentication")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("'authentication' needs 'session' before it"));
	}

	@Test
	void stackWithSessionAfterAuthenticationFailsStartup() {
		this.contextRunner.withPropertyValues("async-middleware.stack[0]=authentication", "async-middleware.stack[1]=session")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("'authentication' needs 'session' before it"));
	}

	@Test
	void loginUrlDefaultsToDjangos() {
		this.contextRunner.run((context) -> assertThat(context.getBean(AuthenticationMiddlewareProperties.class).getLoginUrl())
			.isEqualTo("/accounts/login/"));
	}

	@Test
	void loginUrlIsConfigurable() {
		this.contextRunner.withPropertyValues("async-middleware.authentication.login-url=/signin/")
			.run((context) -> assertThat(context.getBean(AuthenticationMiddlewareProperties.class).getLoginUrl())
				.isEqualTo("/signin/"));
	}

	@Test
	void invalidLoginUrlFailsStartup() {
		this.contextRunner.withPropertyValues("async-middleware.authentication.login-url=/log in/")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("Invalid login URL '/log in/'"));
	}

	@Test
	void applicationsSessionLoginWins() {
		SessionLogin own = new SessionLogin(null, new SessionAuthHash("s".getBytes(StandardCharsets.UTF_8)));
		this.contextRunner.withBean(SessionLogin.class, () -> own)
			.run((context) -> assertThat(context.getBean(SessionLogin.class)).isSameAs(own));
	}

	@Test
	void backsOffWithoutSpringSecurity() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(ReactiveSecurityContextHolder.class))
			.run((context) -> {
				assertThat(context).doesNotHaveBean(SessionLogin.class);
				assertThat(context.getBeansOfType(BuiltInMiddleware.class).values())
					.noneMatch((entry) -> entry.name().equals("authentication"));
			});
	}

	@Test
	void backsOffOutsideReactiveWebApplications() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(AuthenticationMiddlewareAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(SessionLogin.class));
	}

	@Test
	void sessionsWithoutHashAreFlushedWhenOnlyTheStackLogsUsersIn() {
		this.contextRunner.run((context) -> assertThat(context.getBean(SessionLogin.class).trustsSessionsWithoutHash())
			.isFalse());
	}

	@Test
	void sessionsWithoutHashAreTrustedWithTheApplicationsOwnSecurityChain() {
		this.contextRunner.withBean("applicationChain", SecurityWebFilterChain.class, AnyExchangeChain::new)
			.run((context) -> assertThat(context.getBean(SessionLogin.class).trustsSessionsWithoutHash()).isTrue());
		this.contextRunner.withBean("applicationChain", SecurityWebFilterChain.class, AnyExchangeChain::new)
			.withPropertyValues("async-middleware.authentication.trust-sessions-without-hash=false")
			.run((context) -> assertThat(context.getBean(SessionLogin.class).trustsSessionsWithoutHash()).isFalse());
	}

	@Test
	void thePermitAllChainOfTheStarterHasNoLoginSoItTrustsNothing() {
		this.contextRunner
			.withBean(SpringSecurityCompositionAutoConfiguration.PERMIT_ALL_CHAIN, SecurityWebFilterChain.class,
					AnyExchangeChain::new)
			.run((context) -> assertThat(context.getBean(SessionLogin.class).trustsSessionsWithoutHash()).isFalse());
	}

	private static final class AnyExchangeChain implements SecurityWebFilterChain {

		@Override
		public Mono<Boolean> matches(ServerWebExchange exchange) {
			return Mono.just(true);
		}

		@Override
		public Flux<WebFilter> getWebFilters() {
			return Flux.empty();
		}

	}

}
