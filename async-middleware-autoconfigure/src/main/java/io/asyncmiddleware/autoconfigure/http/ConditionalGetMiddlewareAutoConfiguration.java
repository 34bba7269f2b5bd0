package io.asyncmiddleware.autoconfigure.http;

import io.asyncmiddleware.autoconfigure.ConditionalOnAsyncMiddleware;
import io.asyncmiddleware.middleware.http.ConditionalGetWebFilter;
import io.asyncmiddleware.stack.BuiltInMiddleware;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@code conditional-get} entry (Django's
 * {@code ConditionalGetMiddleware}, which has no settings).
 */
@AutoConfiguration
@ConditionalOnAsyncMiddleware
public final class ConditionalGetMiddlewareAutoConfiguration {

	@Bean
	BuiltInMiddleware conditionalGetBuiltInMiddleware() {
		return BuiltInMiddleware.of("conditional-get", ConditionalGetWebFilter.class, ConditionalGetWebFilter::new);
	}

}
