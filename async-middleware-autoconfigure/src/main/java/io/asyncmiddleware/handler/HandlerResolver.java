package io.asyncmiddleware.handler;

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

}
