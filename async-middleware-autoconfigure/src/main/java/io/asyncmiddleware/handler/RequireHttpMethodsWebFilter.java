package io.asyncmiddleware.handler;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.util.Assert;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * The view position, just before the handler: first writes a refusal an entry deferred
 * through {@link ViewPhase} (Django's {@code process_view}), then answers
 * {@code 405 Method Not Allowed}, with {@code Allow} listing the permitted methods, when
 * the handler carries {@link RequireHttpMethods} and the request's method is not among
 * them; Django's {@code @require_http_methods}, for controller methods returning
 * {@code Mono}/{@code Flux} and for functional routes alike. A request whose path routes
 * only with other methods gets the same {@code 405} with {@code Allow} (WebFlux's own
 * {@code 405} has none), after the view-level refusals, as in Django.
 *
 * <p>Not a stack entry: like Django's decorator it sits with the handler, after every
 * other filter, so entries above see its answers as a handler's response.
 */
public final class RequireHttpMethodsWebFilter implements WebFilter, Ordered {

	/** Runs last, next to the handler, as a view decorator does. */
	public static final int ORDER = Ordered.LOWEST_PRECEDENCE;

	private static final Log logger = LogFactory.getLog(RequireHttpMethodsWebFilter.class);

	private final HandlerResolver handlerResolver;

	/**
	 * Creates the filter.
	 * @param handlerResolver resolves the handler the request maps to
	 */
	public RequireHttpMethodsWebFilter(HandlerResolver handlerResolver) {
		Assert.notNull(handlerResolver, "'handlerResolver' must not be null");
		this.handlerResolver = handlerResolver;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		Function<ServerWebExchange, Mono<Void>> refusal = ViewPhase.refusal(exchange);
		if (refusal != null) {
			return refusal.apply(exchange);
		}
		// the handler is mostly known at once: no operator for it then
		ResolvedHandler now = this.handlerResolver.resolvedNow(exchange);
		if (now != null) {
			return filter(exchange, chain, now);
		}
		return this.handlerResolver.resolve(exchange).flatMap((handler) -> filter(exchange, chain, handler));
	}

	private Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain, ResolvedHandler handler) {
		if (handler.isMethodNotAllowed()) {
			// the path routes with other methods: the view's 405, with Allow, as Django's
			return notAllowed(exchange, exchange.getRequest().getMethod().name(),
					List.copyOf(handler.getAllowedMethods()));
		}
		RequireHttpMethods required = handler.getAnnotation(RequireHttpMethods.class);
		if (required == null) {
			return chain.filter(exchange);
		}
		List<String> allowed = Arrays.stream(required.value()).map((m) -> m.trim().toUpperCase(Locale.ROOT)).toList();
		String method = exchange.getRequest().getMethod().name();
		if (allowed.contains(method)) {
			return chain.filter(exchange);
		}
		return notAllowed(exchange, method, allowed);
	}

	private Mono<Void> notAllowed(ServerWebExchange exchange, String method, List<String> allowed) {
		if (logger.isDebugEnabled()) {
			logger.debug("Method Not Allowed (" + method + "): " + exchange.getRequest().getPath());
		}
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(HttpStatus.METHOD_NOT_ALLOWED);
		response.getHeaders().set(HttpHeaders.ALLOW, String.join(", ", allowed));
		return response.setComplete();
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
