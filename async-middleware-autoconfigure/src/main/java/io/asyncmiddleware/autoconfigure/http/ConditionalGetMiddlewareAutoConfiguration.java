package io.asyncmiddleware.autoconfigure.http;

import io.asyncmiddleware.middleware.http.ConditionalGetWebFilter;
import io.asyncmiddleware.stack.BuiltInMiddleware;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@code conditional-get} entry (Django's
 * {@code ConditionalGetMiddleware}, which has no settings).
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "async-middleware.enabled", matchIfMissing = true)
@ConditionalOnWebApplication(type = Type.REACTIVE)
public final class ConditionalGetMiddlewareAutoConfiguration {

	@Bean
	BuiltInMiddleware conditionalGetBuiltInMiddleware() {
		return BuiltInMiddleware.of("conditional-get", ConditionalGetWebFilter.class, ConditionalGetWebFilter::new);
	}

}
