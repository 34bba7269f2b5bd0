package io.asyncmiddleware.autoconfigure.csrf;

import io.asyncmiddleware.autoconfigure.ConditionalOnAsyncMiddleware;
import io.asyncmiddleware.autoconfigure.security.SecurityMiddlewareAutoConfiguration;
import io.asyncmiddleware.handler.HandlerResolver;
import io.asyncmiddleware.middleware.csrf.CookieCsrfSecretRepository;
import io.asyncmiddleware.middleware.csrf.CsrfTokenFormat;
import io.asyncmiddleware.middleware.csrf.CsrfWebFilter;
import io.asyncmiddleware.middleware.csrf.SessionCsrfSecretRepository;
import io.asyncmiddleware.middleware.security.RequestSecurity;
import io.asyncmiddleware.stack.BuiltInMiddleware;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRepository;

/**
 * Contributes the {@code csrf} stack entry, Django's CsrfViewMiddleware; it runs only
 * when {@code async-middleware.stack} names it.
 */
@AutoConfiguration(after = SecurityMiddlewareAutoConfiguration.class)
@ConditionalOnAsyncMiddleware
@ConditionalOnClass(CsrfToken.class)
@EnableConfigurationProperties(CsrfMiddlewareProperties.class)
public final class CsrfMiddlewareAutoConfiguration {

	/** The name of the entry in {@code async-middleware.stack}. */
	public static final String ENTRY = "csrf";

	/** Where the session entry keeps its cookie domain (Django: SESSION_COOKIE_DOMAIN). */
	static final String SESSION_COOKIE_DOMAIN_PROPERTY = "async-middleware.session.cookie-domain";

	@Bean
	BuiltInMiddleware csrfMiddleware(CsrfMiddlewareProperties properties, ObjectProvider<HandlerResolver> handlerResolver,
			ObjectProvider<RequestSecurity> requestSecurity, Environment environment) {
		// built now, so that a wrong setting stops startup rather than the first request
		CsrfWebFilter filter = csrfWebFilter(properties, handlerResolver, requestSecurity, environment);
		BuiltInMiddleware entry = BuiltInMiddleware.of(ENTRY, CsrfWebFilter.class, () -> filter);
		// Django: CSRF_USE_SESSIONS needs SessionMiddleware before CsrfViewMiddleware
		return properties.isUseSessions() ? entry.requiring("session") : entry;
	}

	private static CsrfWebFilter csrfWebFilter(CsrfMiddlewareProperties properties,
			ObjectProvider<HandlerResolver> handlerResolver, ObjectProvider<RequestSecurity> requestSecurity,
			Environment environment) {
		CsrfTokenFormat format = new CsrfTokenFormat();
		ServerCsrfTokenRepository repository;
		String refererCookieDomain;
		if (properties.isUseSessions()) {
			repository = new SessionCsrfSecretRepository(format, properties.getHeaderName(), properties.getFieldName());
			refererCookieDomain = environment.getProperty(SESSION_COOKIE_DOMAIN_PROPERTY);
		}
		else {
			CookieCsrfSecretRepository cookies = new CookieCsrfSecretRepository(format, properties.getHeaderName(),
					properties.getFieldName());
			cookies.setCookieName(properties.getCookieName());
			cookies.setCookieMaxAge(properties.getCookieAge());
			cookies.setCookieDomain(properties.getCookieDomain());
			cookies.setCookiePath(properties.getCookiePath());
			cookies.setCookieSecure(properties.isCookieSecure());
			cookies.setCookieHttpOnly(properties.isCookieHttpOnly());
			cookies.setCookieSameSite(properties.getCookieSameSite());
			repository = cookies;
			refererCookieDomain = properties.getCookieDomain();
		}
		// Django's is_secure(), honouring SECURE_PROXY_SSL_HEADER, shared with the security entry
		RequestSecurity security = requestSecurity.getIfAvailable(RequestSecurity::schemeOnly);
		CsrfWebFilter filter = new CsrfWebFilter(format, repository, handlerResolver.getIfAvailable(),
				security::isSecure);
		filter.setHeaderName(properties.getHeaderName());
		filter.setFieldName(properties.getFieldName());
		filter.setTrustedOrigins(properties.getTrustedOrigins());
		filter.setRefererCookieDomain(refererCookieDomain);
		filter.setDebug(properties.isDebug());
		return filter;
	}

}
