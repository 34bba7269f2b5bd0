package io.asyncmiddleware.autoconfigure;

import io.asyncmiddleware.actuate.MiddlewareEndpoint;
import io.asyncmiddleware.stack.MiddlewareStack;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of the {@code middleware} actuator endpoint. Like every endpoint,
 * it is available only when exposed ({@code management.endpoints.web.exposure.include}).
 */
@AutoConfiguration(after = AsyncMiddlewareAutoConfiguration.class)
@ConditionalOnClass(Endpoint.class)
@ConditionalOnBean(MiddlewareStack.class)
@ConditionalOnAvailableEndpoint(MiddlewareEndpoint.class)
public final class MiddlewareEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MiddlewareEndpoint middlewareEndpoint(MiddlewareStack stack) {
		return new MiddlewareEndpoint(stack);
	}

}
