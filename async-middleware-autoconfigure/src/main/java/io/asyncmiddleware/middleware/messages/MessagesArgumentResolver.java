package io.asyncmiddleware.middleware.messages;

import reactor.core.publisher.Mono;

import org.springframework.core.MethodParameter;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.server.ServerWebExchange;

/**
 * Resolves a {@link Messages} argument of an annotated handler method, so a controller
 * can declare {@code Messages messages} instead of calling {@link Messages#of}. Without
 * the {@code messages} entry the request fails with {@link MessageFailureException}.
 */
public class MessagesArgumentResolver implements HandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return Messages.class.equals(parameter.getParameterType());
	}

	@Override
	public Mono<Object> resolveArgument(MethodParameter parameter, BindingContext bindingContext,
			ServerWebExchange exchange) {
		return Mono.fromSupplier(() -> Messages.of(exchange));
	}

}
