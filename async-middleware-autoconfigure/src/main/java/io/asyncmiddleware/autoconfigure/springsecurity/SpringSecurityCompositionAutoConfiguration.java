package io.asyncmiddleware.autoconfigure.springsecurity;

import java.util.Set;

import io.asyncmiddleware.autoconfigure.ConditionalOnAsyncMiddleware;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.ReactiveAuthenticationManagerResolver;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

/**
 * Composes the stack with Spring Security, so that adding the starter changes neither
 * which routes need a login nor who checks CSRF and writes the security headers.
 *
 * <ul>
 * <li>With Spring Boot's security auto-configuration and no {@link SecurityWebFilterChain}
 * of the application's, contributes one that permits every exchange and leaves CSRF,
 * headers and the session's user to the stack: routes need a login only where the
 * application says so ({@code @LoginRequired}), as in Django. Boot then creates no user
 * with a generated password: nothing could log in with it.</li>
 * <li>With the application's own chain, its parts that duplicate stack entries are
 * switched off or reported ({@code async-middleware.spring-security.duplicates}).</li>
 * </ul>
 */
@AutoConfiguration(beforeName = {
		"org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration" })
@ConditionalOnAsyncMiddleware
@ConditionalOnClass(SecurityWebFilterChain.class)
@EnableConfigurationProperties(SpringSecurityCompositionProperties.class)
public final class SpringSecurityCompositionAutoConfiguration {

	/** The bean name of the chain contributed when the application has none. */
	public static final String PERMIT_ALL_CHAIN = "asyncMiddlewareSecurityWebFilterChain";

	@Bean
	static SpringSecurityDuplicatesPostProcessor asyncMiddlewareSpringSecurityDuplicates() {
		return new SpringSecurityDuplicatesPostProcessor(Set.of(PERMIT_ALL_CHAIN));
	}

	/**
	 * The chain of an application that has Boot's security auto-configuration but no
	 * chain of its own.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = BootWebFluxSecurity.AUTO_CONFIGURATION, value = ServerHttpSecurity.class)
	@Conditional(BootWebFluxSecurity.class)
	@ConditionalOnMissingBean(SecurityWebFilterChain.class)
	static class PermitAllChainConfiguration {

		/**
		 * The permit-all chain. {@code ServerHttpSecurity} exists only where Boot's security
		 * auto-configuration is applied, which this configuration runs before (Boot's
		 * management chain must see this one); where it is not applied (a {@code @WebFluxTest}
		 * without Spring Security's test slice, a context that lists its auto-configurations),
		 * Spring Security's web support is off too, and the chain matches nothing.
		 * @param httpProvider Spring Security's builder, when its web support is on
		 * @return the chain
		 */
		@Bean(PERMIT_ALL_CHAIN)
		SecurityWebFilterChain asyncMiddlewareSecurityWebFilterChain(ObjectProvider<ServerHttpSecurity> httpProvider) {
			ServerHttpSecurity http = httpProvider.getIfAvailable();
			if (http == null) {
				return new InertSecurityWebFilterChain();
			}
			return http.authorizeExchange((exchanges) -> exchanges.anyExchange().permitAll())
				.csrf(ServerHttpSecurity.CsrfSpec::disable)
				.headers(ServerHttpSecurity.HeaderSpec::disable)
				.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
				.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
				.logout(ServerHttpSecurity.LogoutSpec::disable)
				// the authentication entry puts the session's user in the Reactor context;
				// reading the session here too would add Vary: Cookie to every response
				.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
				.requestCache((cache) -> cache.requestCache(NoOpServerRequestCache.getInstance()))
				.build();
		}

		/**
		 * What Boot's own security configuration registers when it has no users: an
		 * authentication manager that knows nobody. Its presence makes Boot's
		 * {@code ReactiveUserDetailsServiceAutoConfiguration} back off, so no user with a
		 * generated password is created (and logged) for a chain that has no login. Not
		 * when the application configures {@code spring.security.user.*}: then it asked
		 * for that user.
		 * @return the manager
		 */
		@Bean
		@ConditionalOnMissingBean(value = { ReactiveAuthenticationManager.class, ReactiveUserDetailsService.class,
				ReactiveAuthenticationManagerResolver.class },
				type = "org.springframework.security.oauth2.jwt.ReactiveJwtDecoder")
		@Conditional(NoUserConfigured.class)
		ReactiveAuthenticationManager asyncMiddlewareNoUsersAuthenticationManager() {
			return (authentication) -> Mono.error(new UsernameNotFoundException(authentication.getName()));
		}

	}

	/** A chain for a context without Spring Security's web support: it matches nothing. */
	private static final class InertSecurityWebFilterChain implements SecurityWebFilterChain {

		@Override
		public Mono<Boolean> matches(ServerWebExchange exchange) {
			return Mono.just(false);
		}

		@Override
		public Flux<WebFilter> getWebFilters() {
			return Flux.empty();
		}

	}

	/**
	 * Boot's WebFlux security auto-configuration is not excluded: it is what switches
	 * Spring Security on ({@code @EnableWebFluxSecurity}) and makes {@code ServerHttpSecurity}.
	 */
	static final class BootWebFluxSecurity extends SpringBootCondition {

		static final String AUTO_CONFIGURATION = "org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration";

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
			if (beanFactory != null
					&& ConditionEvaluationReport.get(beanFactory).getExclusions().contains(AUTO_CONFIGURATION)) {
				return ConditionOutcome.noMatch("ReactiveWebSecurityAutoConfiguration is excluded");
			}
			return ConditionOutcome.match("ReactiveWebSecurityAutoConfiguration is not excluded");
		}

	}

	static final class NoUserConfigured extends NoneNestedConditions {

		NoUserConfigured() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnProperty("spring.security.user.name")
		static final class NameConfigured {

		}

		@ConditionalOnProperty("spring.security.user.password")
		static final class PasswordConfigured {

		}

	}

}
