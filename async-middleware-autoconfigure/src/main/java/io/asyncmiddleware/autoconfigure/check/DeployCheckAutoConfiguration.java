package io.asyncmiddleware.autoconfigure.check;

import java.util.Arrays;

import io.asyncmiddleware.actuate.MiddlewareEndpoint;
import io.asyncmiddleware.autoconfigure.AsyncMiddlewareAutoConfiguration;
import io.asyncmiddleware.autoconfigure.auth.AuthenticationMiddlewareProperties;
import io.asyncmiddleware.autoconfigure.clickjacking.XFrameOptionsMiddlewareProperties;
import io.asyncmiddleware.autoconfigure.common.CommonMiddlewareProperties;
import io.asyncmiddleware.autoconfigure.csrf.CsrfMiddlewareProperties;
import io.asyncmiddleware.autoconfigure.messages.MessagesMiddlewareProperties;
import io.asyncmiddleware.autoconfigure.security.SecurityMiddlewareProperties;
import io.asyncmiddleware.autoconfigure.session.SessionMiddlewareProperties;
import io.asyncmiddleware.check.DeployCheck;
import io.asyncmiddleware.stack.MiddlewareStack;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * Django's deploy check ({@code manage.py check --deploy}) at startup: each
 * {@link DeployCheck} bean, built-in or the application's, runs once all singletons exist
 * and before the server listens; {@code async-middleware.deploy-check.mode} says whether
 * the findings are logged ({@code warn}, the default), stop startup ({@code fail}) or are
 * not looked for ({@code off}).
 */
@AutoConfiguration(after = AsyncMiddlewareAutoConfiguration.class)
@ConditionalOnBean(MiddlewareStack.class)
@EnableConfigurationProperties(DeployCheckProperties.class)
public final class DeployCheckAutoConfiguration {

	private static final String SESSION_REPOSITORY = "org.springframework.session.ReactiveSessionRepository";

	private static final String IN_MEMORY_SESSION_REPOSITORY = "org.springframework.session.ReactiveMapSessionRepository";

	@Bean
	static DeployCheckRunner deployCheckRunner(DeployCheckProperties properties, ObjectProvider<DeployCheck> checks) {
		return new DeployCheckRunner(properties, checks);
	}

	@Bean
	DeployCheck securityMiddlewareDeployChecks(MiddlewareStack stack,
			ObjectProvider<SecurityMiddlewareProperties> properties) {
		return new SecurityMiddlewareDeployChecks(stack, properties.getIfAvailable());
	}

	@Bean
	DeployCheck clickjackingDeployChecks(MiddlewareStack stack, ObjectProvider<XFrameOptionsMiddlewareProperties> properties) {
		return new ClickjackingDeployChecks(stack, properties.getIfAvailable());
	}

	@Bean
	DeployCheck csrfDeployChecks(MiddlewareStack stack, ObjectProvider<CsrfMiddlewareProperties> properties) {
		return new CsrfDeployChecks(stack, properties.getIfAvailable());
	}

	@Bean
	DeployCheck cookieDeployChecks(MiddlewareStack stack, ObjectProvider<SessionMiddlewareProperties> session,
			ObjectProvider<MessagesMiddlewareProperties> messages) {
		return new CookieDeployChecks(stack, session.getIfAvailable(), messages.getIfAvailable());
	}

	@Bean
	DeployCheck allowedHostsDeployCheck(MiddlewareStack stack, ObjectProvider<CommonMiddlewareProperties> properties) {
		return new AllowedHostsDeployCheck(stack, properties.getIfAvailable());
	}

	@Bean
	DeployCheck secretKeyDeployChecks(MiddlewareStack stack, ObjectProvider<AuthenticationMiddlewareProperties> authentication,
			ObjectProvider<MessagesMiddlewareProperties> messages, ConfigurableListableBeanFactory beanFactory) {
		return new SecretKeyDeployChecks(stack, authentication.getIfAvailable(), messages.getIfAvailable(),
				() -> sharedSessionStore(beanFactory));
	}

	/**
	 * Whether sessions are in a store other instances can reach: a
	 * {@code ReactiveSessionRepository} bean other than Spring Session's in-memory map (the
	 * session entry's own in-memory default is not a bean).
	 */
	private static boolean sharedSessionStore(ConfigurableListableBeanFactory beanFactory) {
		ClassLoader classLoader = beanFactory.getBeanClassLoader();
		if (!ClassUtils.isPresent(SESSION_REPOSITORY, classLoader)) {
			return false;
		}
		Class<?> repository = ClassUtils.resolveClassName(SESSION_REPOSITORY, classLoader);
		return Arrays.stream(beanFactory.getBeanNamesForType(repository, false, false))
			.map(beanFactory::getType)
			.anyMatch((type) -> type != null && !IN_MEMORY_SESSION_REPOSITORY.equals(type.getName()));
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Endpoint.class)
	static class MiddlewareEndpointDeployCheckConfiguration {

		private static final String SPRING_SECURITY_CHAIN = "org.springframework.security.web.server.SecurityWebFilterChain";

		@Bean
		DeployCheck middlewareEndpointDeployCheck(Environment environment,
				ObjectProvider<MiddlewareEndpoint> endpoint, ConfigurableListableBeanFactory beanFactory) {
			return new MiddlewareEndpointDeployCheck(environment, () -> endpoint.getIfAvailable() != null,
					ClassUtils.isPresent(SPRING_SECURITY_CHAIN, beanFactory.getBeanClassLoader()));
		}

	}

}
