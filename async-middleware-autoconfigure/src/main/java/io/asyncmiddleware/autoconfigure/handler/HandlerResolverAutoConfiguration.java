package io.asyncmiddleware.autoconfigure.handler;

import java.util.List;

import io.asyncmiddleware.autoconfigure.ConditionalOnAsyncMiddleware;
import io.asyncmiddleware.handler.DefaultHandlerResolver;
import io.asyncmiddleware.handler.HandlerResolver;
import io.asyncmiddleware.handler.ResolvedHandlerMapping;
import io.asyncmiddleware.handler.RequireHttpMethods;
import io.asyncmiddleware.handler.RequireHttpMethodsWebFilter;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.DispatcherHandler;
import org.springframework.web.reactive.HandlerMapping;

/**
 * Auto-configuration of the {@link HandlerResolver} that lets stack entries honour
 * per-handler annotations (Django's view decorators), and of the
 * {@link RequireHttpMethodsWebFilter} that enforces {@link RequireHttpMethods}.
 */
@AutoConfiguration
@ConditionalOnAsyncMiddleware
@ConditionalOnClass(DispatcherHandler.class)
public final class HandlerResolverAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(HandlerResolver.class)
	DefaultHandlerResolver handlerResolver(ObjectProvider<DispatcherHandler> dispatcherHandler,
			ObjectProvider<HandlerMapping> handlerMappings) {
		// looked up on first use: DispatcherHandler collects its mappings once the context is set
		return new DefaultHandlerResolver(() -> dispatchOrder(dispatcherHandler, handlerMappings));
	}

	/**
	 * Hands dispatch the handler the stack resolved, so that a request is mapped once.
	 * @return the mapping
	 */
	@Bean
	@ConditionalOnMissingBean
	ResolvedHandlerMapping resolvedHandlerMapping() {
		return new ResolvedHandlerMapping();
	}

	@Bean
	@ConditionalOnMissingBean
	RequireHttpMethodsWebFilter requireHttpMethodsWebFilter(HandlerResolver handlerResolver) {
		return new RequireHttpMethodsWebFilter(handlerResolver);
	}

	private static List<HandlerMapping> dispatchOrder(ObjectProvider<DispatcherHandler> dispatcherHandler,
			ObjectProvider<HandlerMapping> handlerMappings) {
		DispatcherHandler dispatcher = dispatcherHandler.getIfUnique();
		List<HandlerMapping> mappings = (dispatcher != null) ? dispatcher.getHandlerMappings() : null;
		return (mappings != null) ? mappings : handlerMappings.orderedStream().toList();
	}

}
