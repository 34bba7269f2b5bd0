package io.asyncmiddleware.autoconfigure.gzip;

import io.asyncmiddleware.autoconfigure.ConditionalOnAsyncMiddleware;
import io.asyncmiddleware.middleware.gzip.GZipWebFilter;
import io.asyncmiddleware.stack.BuiltInMiddleware;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@code gzip} entry (Django's {@code GZipMiddleware}). Put it
 * above {@code conditional-get} in the stack, as in Django, so that ETags are computed on
 * the uncompressed body.
 */
@AutoConfiguration
@ConditionalOnAsyncMiddleware
@EnableConfigurationProperties(GZipMiddlewareProperties.class)
public final class GZipMiddlewareAutoConfiguration {

	@Bean
	BuiltInMiddleware gzipBuiltInMiddleware(GZipMiddlewareProperties properties) {
		boolean randomPadding = properties.isRandomPadding();
		return BuiltInMiddleware.of("gzip", GZipWebFilter.class, () -> new GZipWebFilter(randomPadding));
	}

}
