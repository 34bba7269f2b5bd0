package io.asyncmiddleware.autoconfigure;

import io.asyncmiddleware.actuate.MiddlewareMeterBinder;
import io.asyncmiddleware.stack.MiddlewareStack;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of the {@code async.middleware.*} meters; Spring Boot binds every
 * {@link MeterBinder} bean to its registries.
 */
@AutoConfiguration(after = AsyncMiddlewareAutoConfiguration.class)
@ConditionalOnClass(MeterBinder.class)
@ConditionalOnBean(MiddlewareStack.class)
public final class MiddlewareMetricsAutoConfiguration {

	@Bean
	MiddlewareMeterBinder middlewareMeterBinder(MiddlewareStack stack) {
		return new MiddlewareMeterBinder(stack);
	}

}
