package io.asyncmiddleware.handler;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.util.Assert;
import org.springframework.web.reactive.DispatcherHandler;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebHandler;
import org.springframework.web.util.pattern.PathPattern;

/**
 * The view position: Django's {@code process_view} and view decorators, where WebFlux
 * resolves the handler. The first mapping {@link DispatcherHandler} asks, it asks the
 * application's mappings in turn, on the real exchange, as dispatch would, and hands
 * dispatch what they found, unless the view position answers instead:
 * <ol>
 * <li>a refusal an entry deferred through {@link ViewPhase} (the CSRF 403), written before
 * anything is looked up, as Django's first {@code process_view} response ends the view
 * phase;</li>
 * <li>the answer of a {@link ViewDecorator} the handler asks for (the login redirect of
 * {@link LoginRequired}), as Django's view decorators answer before the view;</li>
 * <li>{@code 405 Method Not Allowed}, with {@code Allow} listing the permitted methods,
 * when the handler carries {@link RequireHttpMethods} and the request's method is not
 * among them (Django's {@code @require_http_methods}), for controller methods and
 * functional routes alike;</li>
 * <li>the same {@code 405} with {@code Allow} when the path routes only with other
 * methods (WebFlux's own {@code 405} has none).</li>
 * </ol>
 * The request is mapped once: when a stack entry resolved the handler before dispatch
 * (through {@link DefaultHandlerResolver}) and that lookup can be shared (an annotated
 * controller's method found without writing to the response), this mapping puts the
 * attributes the original mapping set (URI variables, matched pattern, producible media
 * types) on the exchange, records the pattern on the request's observation and hands that
 * handler on. A request no mapping answers gets nothing from this one either, and
 * dispatch answers its 404 as usual.
 *
 * <p>It has no routes of its own; it shows in Actuator's {@code mappings} endpoint as a
 * mapping without any.
 */
public final class ViewPhaseHandlerMapping implements HandlerMapping, Ordered {

	private static final Log logger = LogFactory.getLog(ViewPhaseHandlerMapping.class);

	private static final String SHARED = ViewPhaseHandlerMapping.class.getName() + ".SHARED";

	private final ApplicationHandlerMappings handlerMappings;

	private final HandlerAnnotationReader annotations = new HandlerAnnotationReader();

	private final List<ViewDecorator> decorators;

	/**
	 * Creates the view position without view decorators.
	 * @param handlerMappings supplies the application's mappings in dispatch order (for
	 * example {@code DispatcherHandler#getHandlerMappings()}, ready only once the context
	 * has started; {@code null} until then); this mapping leaves itself out
	 */
	public ViewPhaseHandlerMapping(Supplier<? extends @Nullable List<HandlerMapping>> handlerMappings) {
		this(handlerMappings, List.of());
	}

	/**
	 * Creates the view position.
	 * @param handlerMappings supplies the application's mappings in dispatch order (for
	 * example {@code DispatcherHandler#getHandlerMappings()}, ready only once the context
	 * has started; {@code null} until then); this mapping leaves itself out
	 * @param decorators the view decorators, in the order they apply
	 */
	public ViewPhaseHandlerMapping(Supplier<? extends @Nullable List<HandlerMapping>> handlerMappings,
			List<ViewDecorator> decorators) {
		Assert.notNull(decorators, "'decorators' must not be null");
		this.handlerMappings = new ApplicationHandlerMappings(handlerMappings);
		this.decorators = List.copyOf(decorators);
	}

	@Override
	public Mono<Object> getHandler(ServerWebExchange exchange) {
		Function<ServerWebExchange, Mono<Void>> refusal = ViewPhase.refusal(exchange);
		if (refusal != null) {
			return Mono.just((WebHandler) refusal::apply);
		}
		Shared shared = takeShared(exchange);
		if (shared != null) {
			return view(exchange, shared.resolved(), 0);
		}
		List<HandlerMapping> mappings = this.handlerMappings.get();
		for (int i = 0; i < mappings.size(); i++) {
			// the built-in mappings answer while subscribed: no operator for them
			ImmediateOutcome outcome = ImmediateOutcome.of(mappings.get(i).getHandler(exchange));
			if (outcome == null) {
				return later(exchange, mappings.subList(i, mappings.size()));
			}
			Throwable error = outcome.error();
			if (error != null) {
				return failed(exchange, error);
			}
			Object handler = outcome.value();
			if (handler != null) {
				return view(exchange, handler);
			}
		}
		return Mono.empty();
	}

	// a mapping that answers later: the rest of the lookup as dispatch runs it
	private Mono<Object> later(ServerWebExchange exchange, List<HandlerMapping> mappings) {
		return Flux.fromIterable(mappings)
			.concatMap((mapping) -> mapping.getHandler(exchange))
			.next()
			.flatMap((handler) -> view(exchange, handler))
			.onErrorResume((error) -> failed(exchange, error));
	}

	private Mono<Object> view(ServerWebExchange exchange, Object handler) {
		return view(exchange,
				this.annotations.read(handler, HandlerAnnotations.recorded(exchange.getAttributes())), 0);
	}

	// the view decorators from the given one on, then @RequireHttpMethods, then the view
	private Mono<Object> view(ServerWebExchange exchange, ResolvedHandler resolved, int from) {
		for (int i = from; i < this.decorators.size(); i++) {
			Mono<WebHandler> answer = this.decorators.get(i).decorate(exchange, resolved);
			if (answer != null) {
				int next = i + 1;
				return answer.<Object>map((handler) -> handler)
					.switchIfEmpty(Mono.defer(() -> view(exchange, resolved, next)));
			}
		}
		return Mono.just(requireHttpMethods(exchange, resolved));
	}

	private static Object requireHttpMethods(ServerWebExchange exchange, ResolvedHandler resolved) {
		RequireHttpMethods required = resolved.getAnnotation(RequireHttpMethods.class);
		if (required != null) {
			List<String> allowed = Arrays.stream(required.value())
				.map((method) -> method.trim().toUpperCase(Locale.ROOT))
				.toList();
			if (!allowed.contains(exchange.getRequest().getMethod().name())) {
				return notAllowed(allowed);
			}
		}
		return resolved.getHandler();
	}

	private static Mono<Object> failed(ServerWebExchange exchange, Throwable error) {
		if (error instanceof MethodNotAllowedException ex && !ex.getSupportedMethods().isEmpty()) {
			// the path routes with other methods: a view to Django, which answers 405
			return Mono.just(notAllowed(List.copyOf(DefaultHandlerResolver.allowedMethods(ex))));
		}
		return Mono.error(error);
	}

	private static WebHandler notAllowed(List<String> allowed) {
		return (exchange) -> {
			if (logger.isDebugEnabled()) {
				logger.debug("Method Not Allowed (" + exchange.getRequest().getMethod().name() + "): "
						+ exchange.getRequest().getPath());
			}
			ServerHttpResponse response = exchange.getResponse();
			response.setStatusCode(HttpStatus.METHOD_NOT_ALLOWED);
			response.getHeaders().set(HttpHeaders.ALLOW, String.join(", ", allowed));
			return response.setComplete();
		};
	}

	private static @Nullable Shared takeShared(ServerWebExchange exchange) {
		Map<String, Object> attributes = exchange.getAttributes();
		if (attributes.isEmpty() || !(attributes.remove(SHARED) instanceof Shared shared)
				|| !shared.matches(exchange.getRequest())) {
			return null;
		}
		attributes.putAll(shared.attributes());
		if (shared.attributes().get(BEST_MATCHING_PATTERN_ATTRIBUTE) instanceof PathPattern pattern) {
			ServerRequestObservationContext.findCurrent(attributes)
				.ifPresent((context) -> context.setPathPattern(pattern.toString()));
		}
		return shared;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	/**
	 * Records a resolution for dispatch to reuse.
	 * @param exchange the real exchange
	 * @param request the request that was resolved
	 * @param resolved the handler the mappings found, with its annotations
	 * @param attributes the attributes the finding mapping set
	 */
	static void share(ServerWebExchange exchange, ServerHttpRequest request, ResolvedHandler resolved,
			Map<String, Object> attributes) {
		exchange.getAttributes()
			.put(SHARED, new Shared(request.getMethod().name(), request.getURI(), resolved, attributes));
	}

	private record Shared(String method, URI uri, ResolvedHandler resolved, Map<String, Object> attributes) {

		boolean matches(ServerHttpRequest request) {
			return this.method.equals(request.getMethod().name()) && this.uri.equals(request.getURI());
		}

	}

}
