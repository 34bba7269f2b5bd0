package io.asyncmiddleware.autoconfigure.clickjacking;

import io.asyncmiddleware.autoconfigure.ConditionalOnAsyncMiddleware;
import io.asyncmiddleware.autoconfigure.handler.HandlerResolverAutoConfiguration;
import io.asyncmiddleware.handler.HandlerResolver;
import io.asyncmiddleware.middleware.clickjacking.XFrameOptionsWebFilter;
import io.asyncmiddleware.stack.BuiltInMiddleware;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;

/**
 * Auto-configuration of the {@code x-frame-options} entry (Django's
 * {@code XFrameOptionsMiddleware}). A value other than DENY or SAMEORIGIN stops the
 * startup, naming the property.
 */
@AutoConfiguration(after = HandlerResolverAutoConfiguration.class)
@ConditionalOnAsyncMiddleware
@ConditionalOnClass(XFrameOptionsServerHttpHeadersWriter.class)
@ConditionalOnBean(HandlerResolver.class)
@EnableConfigurationProperties(XFrameOptionsMiddlewareProperties.class)
public final class XFrameOptionsMiddlewareAutoConfiguration {

	/** The name of the entry in {@code async-middleware.stack}. */
	public static final String ENTRY = "x-frame-options";

	@Bean
	BuiltInMiddleware xFrameOptionsBuiltInMiddleware(XFrameOptionsMiddlewareProperties properties,
			HandlerResolver handlerResolver) {
		Mode mode = mode(properties.getValue());
		return BuiltInMiddleware.of(ENTRY, XFrameOptionsWebFilter.class,
				() -> new XFrameOptionsWebFilter(mode, handlerResolver));
	}

	private static Mode mode(String value) {
		try {
			return XFrameOptionsWebFilter.mode(value);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationPropertyValueException("async-middleware.x-frame-options.value", value,
					ex.getMessage());
		}
	}

}
