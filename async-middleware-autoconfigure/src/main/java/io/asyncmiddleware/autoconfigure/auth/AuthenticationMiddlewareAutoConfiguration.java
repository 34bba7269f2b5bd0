package io.asyncmiddleware.autoconfigure.auth;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;

import io.asyncmiddleware.autoconfigure.ConditionalOnAsyncMiddleware;
import io.asyncmiddleware.autoconfigure.session.SessionMiddlewareAutoConfiguration;
import io.asyncmiddleware.autoconfigure.springsecurity.SpringSecurityCompositionAutoConfiguration;
import io.asyncmiddleware.handler.HandlerResolver;
import io.asyncmiddleware.middleware.auth.SessionAuthHash;
import io.asyncmiddleware.middleware.auth.LoginRequiredViewDecorator;
import io.asyncmiddleware.middleware.auth.SessionAuthenticationWebFilter;
import io.asyncmiddleware.middleware.auth.SessionLogin;
import io.asyncmiddleware.stack.BuiltInMiddleware;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.util.StringUtils;

/**
 * Contributes the {@code authentication} entry (Django's {@code AuthenticationMiddleware})
 * on Spring Security's reactive context, and the {@link SessionLogin} bean that logs users
 * in and out.
 *
 * <p>Startup fails, as Django's does, when {@code async-middleware.stack} names
 * {@code authentication} without {@code session} before it.
 */
@AutoConfiguration(after = SessionMiddlewareAutoConfiguration.class)
@ConditionalOnAsyncMiddleware
@ConditionalOnClass({ ReactiveSecurityContextHolder.class, WebSessionServerSecurityContextRepository.class })
@EnableConfigurationProperties(AuthenticationMiddlewareProperties.class)
public final class AuthenticationMiddlewareAutoConfiguration {

	private static final String NAME = "authentication";

	private static final Log logger = LogFactory.getLog(AuthenticationMiddlewareAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	SessionLogin sessionLogin(AuthenticationMiddlewareProperties properties, ObjectProvider<ReactiveUserDetailsService> users,
			ListableBeanFactory beanFactory) {
		Boolean trust = properties.getTrustSessionsWithoutHash();
		return new SessionLogin(users.getIfUnique(), new SessionAuthHash(secret(properties)),
				(trust != null) ? trust : hasApplicationSecurityChain(beanFactory));
	}

	// the application's own chain logs users in through Spring Security, which stores no
	// session-auth hash; the permit-all chain the starter contributes has no login
	private static boolean hasApplicationSecurityChain(ListableBeanFactory beanFactory) {
		return Arrays.stream(beanFactory.getBeanNamesForType(SecurityWebFilterChain.class, true, false))
			.anyMatch((name) -> !SpringSecurityCompositionAutoConfiguration.PERMIT_ALL_CHAIN.equals(name));
	}

	@Bean
	BuiltInMiddleware authenticationMiddleware(AuthenticationMiddlewareProperties properties,
			ObjectProvider<SessionLogin> sessionLogin, ObjectProvider<HandlerResolver> handlerResolver) {
		String loginUrl = properties.getLoginUrl();
		// checked now, so that a bad URL stops startup rather than a request
		SessionAuthenticationWebFilter.checkLoginUrl(loginUrl);
		return BuiltInMiddleware.of(NAME, SessionAuthenticationWebFilter.class, () -> {
			// said only when the stack names the entry: without it no session holds a user
			if (!StringUtils.hasLength(properties.getSecretKey())) {
				logger.info("async-middleware.authentication.secret-key is not set: a random one is used, "
						+ "so users must log in again after a restart");
			}
			return new SessionAuthenticationWebFilter(sessionLogin.getObject(), handlerResolver.getIfUnique(), loginUrl);
		})
			// Django: AuthenticationMiddleware requires SessionMiddleware above it
			.requiring(SessionMiddlewareAutoConfiguration.ENTRY);
	}

	/**
	 * {@code @LoginRequired} at the view position, for requests the entry gave a user.
	 * @param properties the entry's properties
	 * @return the view decorator
	 */
	@Bean
	@ConditionalOnMissingBean
	LoginRequiredViewDecorator loginRequiredViewDecorator(AuthenticationMiddlewareProperties properties) {
		return new LoginRequiredViewDecorator(properties.getLoginUrl());
	}

	private static byte[] secret(AuthenticationMiddlewareProperties properties) {
		String secretKey = properties.getSecretKey();
		if (secretKey != null && !secretKey.isEmpty()) {
			return secretKey.getBytes(StandardCharsets.UTF_8);
		}
		byte[] random = new byte[32];
		new SecureRandom().nextBytes(random);
		return random;
	}

}
