package io.asyncmiddleware.autoconfigure;

import java.util.List;

import io.asyncmiddleware.stack.MiddlewareStack;

import org.springframework.boot.webflux.autoconfigure.WebHttpHandlerBuilderCustomizer;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;

/**
 * Replaces the filters {@link WebHttpHandlerBuilder} collected with the assembled chain,
 * and hands the composed stack the exception handlers it collected, so that errors become
 * responses inside the stack.
 */
final class MiddlewareStackCustomizer implements WebHttpHandlerBuilderCustomizer {

	private final MiddlewareStack stack;

	MiddlewareStackCustomizer(MiddlewareStack stack) {
		this.stack = stack;
	}

	@Override
	public void customize(WebHttpHandlerBuilder builder) {
		builder.filters((filters) -> {
			List<WebFilter> arranged = this.stack.arrange(filters);
			filters.clear();
			filters.addAll(arranged);
		});
		// errors are answered inside the stack by the handlers WebFlux would use outside it
		this.stack.getComposedStack()
			.ifPresent((composed) -> builder.exceptionHandlers(composed::answerErrorsWith));
	}

}
