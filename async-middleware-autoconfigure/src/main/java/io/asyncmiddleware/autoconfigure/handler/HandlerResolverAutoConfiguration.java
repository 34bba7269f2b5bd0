package io.asyncmiddleware.autoconfigure.handler;

import java.util.List;

import io.asyncmiddleware.autoconfigure.ConditionalOnAsyncMiddleware;
import io.asyncmiddleware.handler.DefaultHandlerResolver;
import io.asyncmiddleware.handler.HandlerResolver;
import io.asyncmiddleware.handler.RequireHttpMethods;
import io.asyncmiddleware.handler.ViewDecorator;
import io.asyncmiddleware.handler.ViewPhaseHandlerMapping;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.DispatcherHandler;
import org.springframework.web.reactive.HandlerMapping;

/**
 * Auto-configuration of the {@link HandlerResolver} that lets stack entries honour
 * per-handler annotations (Django's view decorators), and of the view position,
 * {@link ViewPhaseHandlerMapping}, that writes deferred view-level refusals and enforces
 * {@link RequireHttpMethods} where dispatch resolves the handler.
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
	 * The view position: the first mapping dispatch asks.
	 * @param dispatcherHandler the dispatcher whose other mappings it asks
	 * @param decorators the view decorators ({@code @LoginRequired}'s, when the
	 * {@code authentication} entry is configured)
	 * @return the mapping
	 */
	@Bean
	@ConditionalOnMissingBean
	ViewPhaseHandlerMapping viewPhaseHandlerMapping(ObjectProvider<DispatcherHandler> dispatcherHandler,
			ObjectProvider<ViewDecorator> decorators) {
		return new ViewPhaseHandlerMapping(() -> dispatcherMappings(dispatcherHandler),
				decorators.orderedStream().toList());
	}

	private static List<HandlerMapping> dispatchOrder(ObjectProvider<DispatcherHandler> dispatcherHandler,
			ObjectProvider<HandlerMapping> handlerMappings) {
		List<HandlerMapping> mappings = dispatcherMappings(dispatcherHandler);
		return (mappings != null) ? mappings : handlerMappings.orderedStream().toList();
	}

	private static @Nullable List<HandlerMapping> dispatcherMappings(ObjectProvider<DispatcherHandler> dispatcherHandler) {
		DispatcherHandler dispatcher = dispatcherHandler.getIfUnique();
		return (dispatcher != null) ? dispatcher.getHandlerMappings() : null;
	}

}
