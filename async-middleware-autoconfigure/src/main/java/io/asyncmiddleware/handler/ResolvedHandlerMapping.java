package io.asyncmiddleware.handler;

import java.net.URI;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Hands {@code DispatcherHandler} the handler the stack already resolved for the request,
 * so that a request is mapped once, not once for the stack's view-level entries and again
 * for dispatch (Django resolves the URL once and passes the match to {@code process_view}
 * and to the view).
 *
 * <p>It runs first among the mappings and answers only when {@link DefaultHandlerResolver}
 * left a resolution it could share for this very request (same method and URI): an
 * annotated controller's method whose lookup wrote nothing to the response (no CORS
 * processing). It then puts on the exchange the attributes the original mapping set
 * (best matching pattern, URI variables, producible media types, ...) and records the
 * pattern on the request's observation, as the original mapping would have. Otherwise it
 * answers nothing and the application's mappings run as usual.
 */
public final class ResolvedHandlerMapping implements HandlerMapping, Ordered {

	static final String ATTRIBUTE = ResolvedHandlerMapping.class.getName() + ".SHARED";

	@Override
	public Mono<Object> getHandler(ServerWebExchange exchange) {
		Map<String, Object> attributes = exchange.getAttributes();
		Object shared = attributes.remove(ATTRIBUTE);
		if (!(shared instanceof Shared resolution) || !resolution.matches(exchange.getRequest())) {
			return Mono.empty();
		}
		attributes.putAll(resolution.attributes());
		if (resolution.attributes().get(BEST_MATCHING_PATTERN_ATTRIBUTE) instanceof PathPattern pattern) {
			ServerRequestObservationContext.findCurrent(attributes)
				.ifPresent((context) -> context.setPathPattern(pattern.toString()));
		}
		return Mono.just(resolution.handler());
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	/**
	 * Records a resolution for dispatch.
	 * @param exchange the real exchange
	 * @param request the request that was resolved
	 * @param handler the handler the mappings found
	 * @param attributes the attributes the finding mapping set
	 */
	static void share(ServerWebExchange exchange, ServerHttpRequest request, Object handler,
			Map<String, Object> attributes) {
		exchange.getAttributes().put(ATTRIBUTE,
				new Shared(request.getMethod().name(), request.getURI(), handler, attributes));
	}

	private record Shared(String method, URI uri, Object handler, Map<String, Object> attributes) {

		boolean matches(@Nullable ServerHttpRequest request) {
			return request != null && this.method.equals(request.getMethod().name())
					&& this.uri.equals(request.getURI());
		}

	}

}
