package io.asyncmiddleware.handler;

import java.lang.annotation.Annotation;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import io.asyncmiddleware.request.RequestSlot;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.util.Assert;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.resource.ResourceWebHandler;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * A {@link HandlerResolver} that asks the application's {@link HandlerMapping}s in order,
 * as {@code DispatcherHandler} does, without running the handler.
 *
 * <p>The mappings see a copy of the exchange with private attributes and a detached
 * response (see {@link ResolutionExchange}), so resolving leaves nothing behind that
 * changes the real dispatch: no URI variables or best-matching pattern, no CORS headers
 * or status. Annotations come from a {@link HandlerMethod}'s method, then its class (meta
 * annotations and composed annotations count), from the functional route
 * ({@link HandlerAnnotations}), or from the class of any other handler object.
 */
public final class DefaultHandlerResolver implements HandlerResolver, SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(DefaultHandlerResolver.class);

	private static final RequestSlot<Cached> CACHE = RequestSlot.named(DefaultHandlerResolver.class.getName() + ".RESOLVED");

	private final ApplicationHandlerMappings handlerMappings;

	private final HandlerAnnotationReader annotations = new HandlerAnnotationReader();

	/**
	 * Creates a resolver over fixed mappings, in the order given.
	 * @param handlerMappings the mappings
	 */
	public DefaultHandlerResolver(List<HandlerMapping> handlerMappings) {
		this(() -> handlerMappings);
	}

	/**
	 * Creates a resolver whose mappings are looked up on first use (for example
	 * {@code DispatcherHandler#getHandlerMappings()}, which is ready only once the
	 * context has started).
	 * @param handlerMappings supplies the mappings, in dispatch order
	 */
	public DefaultHandlerResolver(Supplier<List<HandlerMapping>> handlerMappings) {
		this.handlerMappings = new ApplicationHandlerMappings(handlerMappings);
	}

	/**
	 * Looks the mappings up once every singleton exists, so that no request pays for it.
	 */
	@Override
	public void afterSingletonsInstantiated() {
		handlerMappings();
	}

	@Override
	public Mono<ResolvedHandler> resolve(ServerWebExchange exchange) {
		ServerHttpRequest request = exchange.getRequest();
		Cached cached = CACHE.get(exchange);
		if (cached != null && cached.matches(request)) {
			return cached.handler();
		}
		if (exchange.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) instanceof HandlerMethod dispatched) {
			// dispatch already mapped this request (an entry asks once the response is
			// under way, e.g. X-Frame-Options at commit): its controller method is the answer
			return cache(exchange, request, Mono.just(toResolvedHandler(new Found(dispatched, Map.of(), null))));
		}
		ResolvedHandler now = resolveImmediately(exchange, request);
		if (now != null) {
			return cache(exchange, request, Mono.just(now));
		}
		Mono<ResolvedHandler> handler = lookup(exchange, request)
			.map((found) -> resolved(exchange, request, found))
			.onErrorResume((ex) -> Mono.just(failed(ex, request)))
			.defaultIfEmpty(ResolvedHandler.NONE)
			.cache();
		return cache(exchange, request, handler);
	}

	private static Mono<ResolvedHandler> cache(ServerWebExchange exchange, ServerHttpRequest request,
			Mono<ResolvedHandler> handler) {
		CACHE.set(exchange, new Cached(request.getMethod().name(), request.getURI(), handler));
		return handler;
	}

	/** A handler found: handed on to dispatch when the lookup can be shared. */
	private ResolvedHandler resolved(ServerWebExchange exchange, ServerHttpRequest request, Found found) {
		ResolvedHandler resolved = toResolvedHandler(found);
		if (found.dispatchAttributes() != null) {
			ViewPhaseHandlerMapping.share(exchange, request, resolved, found.dispatchAttributes());
		}
		return resolved;
	}

	/** A lookup that failed: the path routes with other methods, or nothing resolves. */
	private static ResolvedHandler failed(Throwable error, ServerHttpRequest request) {
		if (error instanceof MethodNotAllowedException ex) {
			// the path routes with other methods: a view to Django, which answers 405
			return methodNotAllowed(ex);
		}
		logger.debug("No handler resolved for " + request.getPath() + ": " + error);
		return ResolvedHandler.NONE;
	}

	@Override
	public Mono<Boolean> isRoutable(ServerWebExchange exchange, String path) {
		ServerHttpRequest request;
		try {
			request = exchange.getRequest().mutate().path(path).build();
		}
		catch (IllegalArgumentException ex) {
			// not a path this request could have (not under the context path, bad encoding)
			return Mono.just(false);
		}
		// static resources are not views: Boot maps them to /** by default, which would make
		// every path "route" and switch APPEND_SLASH off (Django serves them under a prefix)
		return lookup(exchange, request).map((found) -> !(found.handler() instanceof ResourceWebHandler))
			// the path matched but not the method, media types or parameters: Django
			// resolves by path alone, so this path is routable
			.onErrorResume(ResponseStatusException.class,
					(ex) -> Mono.just(ex.getStatusCode().value() != HttpStatus.NOT_FOUND.value()))
			.onErrorResume((ex) -> Mono.just(false))
			.defaultIfEmpty(false);
	}

	/**
	 * The resolution when every mapping asked answers while it is subscribed, as the
	 * annotated, functional, URL and resource mappings do: the same lookup and outcomes as
	 * {@link #lookup}, without a chain of operators per request.
	 * @return the resolution, or {@code null} when a mapping answers later (the
	 * {@code Mono} path then asks again)
	 */
	private @Nullable ResolvedHandler resolveImmediately(ServerWebExchange exchange, ServerHttpRequest request) {
		ResolutionExchange resolution = new ResolutionExchange(exchange, request);
		for (HandlerMapping mapping : handlerMappings()) {
			ImmediateOutcome outcome = ImmediateOutcome.of(mapping.getHandler(resolution));
			if (outcome == null) {
				return null;
			}
			Throwable error = outcome.error();
			if (error != null) {
				return failed(error, request);
			}
			Object handler = outcome.value();
			if (handler != null) {
				return resolved(exchange, request, found(handler, resolution));
			}
		}
		return ResolvedHandler.NONE;
	}

	private Mono<Found> lookup(ServerWebExchange exchange, ServerHttpRequest request) {
		// the copy of the exchange exists only while the mappings are asked: the cached
		// resolution of a request, kept for the whole request, must not hold on to it
		return Mono.defer(() -> {
			ResolutionExchange resolution = new ResolutionExchange(exchange, request);
			return Flux.fromIterable(handlerMappings())
				.concatMap((mapping) -> mapping.getHandler(resolution))
				.next()
				.map((handler) -> found(handler, resolution));
		});
	}

	private static Found found(Object handler, ResolutionExchange resolution) {
		return new Found(handler, HandlerAnnotations.recorded(resolution.getAttributes()),
				shareable(handler, resolution) ? resolution.addedAttributes() : null);
	}

	/**
	 * Whether dispatch may reuse this lookup ({@link ViewPhaseHandlerMapping}): an annotated
	 * controller's method (a functional route's {@code ServerRequest} is bound to the
	 * exchange it was looked up on), found without writing to the response.
	 */
	private static boolean shareable(Object handler, ResolutionExchange resolution) {
		return handler instanceof HandlerMethod && !resolution.wroteToResponse();
	}

	private List<HandlerMapping> handlerMappings() {
		return this.handlerMappings.get();
	}

	private static ResolvedHandler methodNotAllowed(MethodNotAllowedException ex) {
		Set<String> allowed = allowedMethods(ex);
		return allowed.isEmpty() ? ResolvedHandler.NONE : ResolvedHandler.methodNotAllowed(allowed);
	}

	/**
	 * The methods a path routes with, when it does not with the request's.
	 * @param ex what the mappings answered
	 * @return the method names, in the mappings' order; empty when they did not say
	 */
	static Set<String> allowedMethods(MethodNotAllowedException ex) {
		Set<String> allowed = new LinkedHashSet<>();
		ex.getSupportedMethods().forEach((method) -> allowed.add(method.name()));
		return allowed;
	}

	private ResolvedHandler toResolvedHandler(Found found) {
		return this.annotations.read(found.handler(), found.routeAnnotations());
	}

	private record Found(Object handler, Map<Class<? extends Annotation>, Annotation> routeAnnotations,
			@Nullable Map<String, Object> dispatchAttributes) {
	}

	/** A resolution shared by the entries that ask in turn, valid while method and URI stay. */
	private record Cached(String method, URI uri, Mono<ResolvedHandler> handler) {

		boolean matches(ServerHttpRequest request) {
			return this.method.equals(request.getMethod().name()) && this.uri.equals(request.getURI());
		}

	}

}
