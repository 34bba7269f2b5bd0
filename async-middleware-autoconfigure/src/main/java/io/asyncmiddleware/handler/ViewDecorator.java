package io.asyncmiddleware.handler;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebHandler;

/**
 * A view decorator (Django's {@code @login_required} and its kind), applied by the view
 * position ({@link ViewPhaseHandlerMapping}) once the handler is known and no view-level
 * refusal is pending, before the handler runs. Beans of this type are applied in their
 * order; the first that answers wins.
 */
@FunctionalInterface
public interface ViewDecorator {

	/**
	 * Decorates the view the request resolved to.
	 * @param exchange the current exchange
	 * @param handler the handler and its annotations
	 * @return {@code null} when the handler does not ask for this decorator (most
	 * requests: nothing to do, nothing allocated); otherwise emits the handler that
	 * answers instead of the view (a redirect to the login page), or completes empty to
	 * let the view run
	 */
	@Nullable Mono<WebHandler> decorate(ServerWebExchange exchange, ResolvedHandler handler);

}
