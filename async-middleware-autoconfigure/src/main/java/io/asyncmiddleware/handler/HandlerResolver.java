package io.asyncmiddleware.handler;

import org.jspecify.annotations.Nullable;
import reactor.core.Fuseable;
import reactor.core.publisher.Mono;

import org.springframework.web.server.ServerWebExchange;

/**
 * Finds the handler a request maps to without running it, so that stack entries can
 * honour per-handler annotations (Django's view decorators) and know whether a path is
 * routable (APPEND_SLASH), the way Django resolves the URL before {@code process_view}.
 */
public interface HandlerResolver {

	/**
	 * Resolves the handler for the exchange's request. The result is cached on the
	 * exchange, so entries that ask in turn share one lookup.
	 * @param exchange the current exchange
	 * @return the resolved handler, or {@link ResolvedHandler#NONE} when nothing matches
	 */
	Mono<ResolvedHandler> resolve(ServerWebExchange exchange);

	/**
	 * Whether the same request sent to another path would match a handler.
	 * @param exchange the current exchange
	 * @param path the path to try (e.g. the request path with a slash appended)
	 * @return {@code true} if a handler matches that path
	 */
	Mono<Boolean> isRoutable(ServerWebExchange exchange, String path);

	/**
	 * The handler, when {@link #resolve} has it at once (the built-in mappings answer
	 * while subscribed, so the resolved handler is a {@code Mono.just}): a caller on the
	 * request path can then decide without an operator.
	 * @param exchange the current exchange
	 * @return the resolved handler (possibly {@link ResolvedHandler#NONE}), or {@code null}
	 * when only {@link #resolve} can tell
	 */
	default @Nullable ResolvedHandler resolvedNow(ServerWebExchange exchange) {
		Mono<ResolvedHandler> handler = resolve(exchange);
		if (handler instanceof Fuseable.ScalarCallable<?> scalar) {
			try {
				return (ResolvedHandler) scalar.call();
			}
			catch (Exception ex) {
				return null;
			}
		}
		return null;
	}

}
