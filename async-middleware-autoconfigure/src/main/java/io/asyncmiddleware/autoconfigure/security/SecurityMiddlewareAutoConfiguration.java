package io.asyncmiddleware.autoconfigure.security;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import io.asyncmiddleware.autoconfigure.ConditionalOnAsyncMiddleware;
import io.asyncmiddleware.autoconfigure.common.CommonMiddlewareProperties;
import io.asyncmiddleware.middleware.AllowedHosts;
import io.asyncmiddleware.middleware.security.RequestSecurity;
import io.asyncmiddleware.middleware.security.SecurityWebFilter;
import io.asyncmiddleware.stack.BuiltInMiddleware;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.server.header.ServerHttpHeadersWriter;
import org.springframework.util.StringUtils;

/**
 * Auto-configuration of the {@code security} entry (Django's {@code SecurityMiddleware})
 * and of the {@link RequestSecurity} that the {@code security}, {@code csrf} and
 * {@code session} entries share. Invalid values stop the startup, naming the property,
 * as Django's system checks {@code security.E023}/{@code E024} do.
 */
@AutoConfiguration
@ConditionalOnAsyncMiddleware
@EnableConfigurationProperties({ SecurityMiddlewareProperties.class, CommonMiddlewareProperties.class })
public final class SecurityMiddlewareAutoConfiguration {

	/** The name of the entry in {@code async-middleware.stack}. */
	public static final String ENTRY = "security";

	private static final String PREFIX = "async-middleware.security.";

	private static final Log logger = LogFactory.getLog(SecurityMiddlewareAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	RequestSecurity requestSecurity(SecurityMiddlewareProperties properties) {
		SecurityMiddlewareProperties.ProxySslHeader header = properties.getProxySslHeader();
		if (!StringUtils.hasText(header.getName())) {
			return RequestSecurity.schemeOnly();
		}
		if (!StringUtils.hasText(header.getValue())) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + "proxy-ssl-header.value", header.getValue(),
					"The value that marks a secure request must not be empty, e.g. 'https'");
		}
		return RequestSecurity.proxySslHeader(headerName(header.getName().trim()), header.getValue().trim());
	}

	/** Django names the header as WSGI does: HTTP_X_FORWARDED_PROTO is X-Forwarded-Proto. */
	private static String headerName(String name) {
		if (name.startsWith("HTTP_")) {
			return name.substring(5).replace('_', '-').toLowerCase(Locale.ROOT);
		}
		return name;
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ServerHttpHeadersWriter.class)
	static class SecurityEntryConfiguration {

		@Bean
		BuiltInMiddleware securityBuiltInMiddleware(SecurityMiddlewareProperties properties,
				CommonMiddlewareProperties common, RequestSecurity requestSecurity) {
			// validated now so that a bad value stops the startup, not the first request
			SecurityWebFilter validated = createFilter(properties, requestSecurity);
			// Django's ALLOWED_HOSTS is one setting that get_host() applies wherever it is
			// called: the HTTPS redirect must not send a client to a host common refuses
			validated.setAllowedHosts(new AllowedHosts(common.getAllowedHosts()));
			boolean noRedirectHost = properties.isSslRedirect() && !StringUtils.hasText(properties.getSslHost())
					&& common.getAllowedHosts().isEmpty();
			return BuiltInMiddleware.of(ENTRY, SecurityWebFilter.class, () -> {
				// logged when the entry joins a stack, so not when 'security' is left out
				if (noRedirectHost) {
					logger.warn(PREFIX + "ssl-redirect=true with neither async-middleware.common.allowed-hosts nor "
							+ PREFIX + "ssl-host set: every request to redirect to HTTPS is answered 400 (Django "
							+ "refuses every host when ALLOWED_HOSTS is empty). List the site's host names in "
							+ "allowed-hosts.");
				}
				return validated;
			});
		}

		private static SecurityWebFilter createFilter(SecurityMiddlewareProperties properties,
				RequestSecurity requestSecurity) {
			SecurityWebFilter filter = new SecurityWebFilter(requestSecurity);
			if (properties.getHstsSeconds() < 0) {
				throw new InvalidConfigurationPropertyValueException(PREFIX + "hsts-seconds",
						properties.getHstsSeconds(), "Must be 0 (no Strict-Transport-Security) or more");
			}
			filter.setHstsSeconds(properties.getHstsSeconds());
			filter.setHstsIncludeSubdomains(properties.isHstsIncludeSubdomains());
			filter.setHstsPreload(properties.isHstsPreload());
			filter.setContentTypeNosniff(properties.isContentTypeNosniff());
			try {
				filter.setReferrerPolicy(properties.getReferrerPolicy());
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidConfigurationPropertyValueException(PREFIX + "referrer-policy",
						String.join(",", properties.getReferrerPolicy()), ex.getMessage());
			}
			try {
				filter.setCrossOriginOpenerPolicy(properties.getCrossOriginOpenerPolicy());
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidConfigurationPropertyValueException(PREFIX + "cross-origin-opener-policy",
						properties.getCrossOriginOpenerPolicy(), ex.getMessage());
			}
			filter.setSslRedirect(properties.isSslRedirect());
			filter.setSslHost(properties.getSslHost());
			filter.setRedirectExempt(redirectExempt(properties.getRedirectExempt()));
			return filter;
		}

		private static List<Pattern> redirectExempt(List<String> expressions) {
			return expressions.stream().map((expression) -> {
				try {
					return Pattern.compile(expression);
				}
				catch (PatternSyntaxException ex) {
					throw new InvalidConfigurationPropertyValueException(PREFIX + "redirect-exempt", expression,
							"Not a regular expression: " + ex.getDescription());
				}
			}).toList();
		}

	}

}
