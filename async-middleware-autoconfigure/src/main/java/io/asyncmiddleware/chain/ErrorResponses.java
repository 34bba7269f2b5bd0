package io.asyncmiddleware.chain;

import java.util.List;

import io.asyncmiddleware.handler.ViewPhase;
import reactor.core.publisher.Mono;

import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import org.springframework.web.server.handler.ExceptionHandlingWebHandler;

/**
 * Django's {@code convert_exception_to_response} for the composed stack: an error that
 * reaches a position of the chain (from the handler, a filter after the stack, or an
 * entry) becomes a response there, rendered by the application's own
 * {@link WebExceptionHandler}s in their order (Boot's {@code ErrorWebExceptionHandler}
 * with its error attributes, then WebFlux's status handler), as
 * {@code ExceptionHandlingWebHandler} would render it outside the stack. So every entry
 * above sees the error page as a response: its ETag, gzip, {@code Vary}, security headers.
 *
 * <p>Before the handler's error is converted, the {@code processException} steps that
 * entries registered for the request ({@link ViewPhase#onViewException}) run innermost
 * first, as Django's {@code process_exception} hooks do; the first that answers wins.
 */
final class ErrorResponses {

	private static final WebExceptionHandler[] NONE = new WebExceptionHandler[0];

	// set once when Spring's WebHttpHandlerBuilder is customized, read per failed request
	private volatile WebExceptionHandler[] handlers = NONE;

	void use(List<WebExceptionHandler> handlers) {
		this.handlers = handlers.toArray(NONE);
	}

	/**
	 * Whether errors are answered inside the stack.
	 * @return {@code false} until the application's exception handlers are known
	 */
	boolean isActive() {
		return this.handlers.length > 0;
	}

	/**
	 * The response for an error at a position.
	 * @param exchange the exchange of the position (the response decorated by every entry above)
	 * @param error the error
	 * @param fromView whether the error came from the rest of Spring's chain (the handler)
	 * @return completes when the response is written, or fails as the handlers do
	 */
	Mono<Void> respond(ServerWebExchange exchange, Throwable error, boolean fromView) {
		if (!fromView) {
			return convert(exchange, error);
		}
		return ViewPhase.processException(exchange, error)
			.flatMap((answered) -> answered ? Mono.<Void>empty() : convert(exchange, error));
	}

	private Mono<Void> convert(ServerWebExchange exchange, Throwable error) {
		Mono<Void> response = Mono.error(error);
		for (WebExceptionHandler handler : this.handlers) {
			// recorded as ExceptionHandlingWebHandler does: the server observation (the
			// http.server.requests exception tag) reads it when the request completes
			response = response
				.doOnError((ex) -> exchange.getAttributes().put(ExceptionHandlingWebHandler.HANDLED_WEB_EXCEPTION, ex))
				.onErrorResume((ex) -> handler.handle(exchange, ex));
		}
		return response;
	}

}
