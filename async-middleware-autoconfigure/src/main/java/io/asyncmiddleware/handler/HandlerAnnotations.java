package io.asyncmiddleware.handler;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.util.Assert;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Gives functional routes the annotations a controller method would carry
 * ({@link CsrfExempt}, {@link XFrameOptionsExempt}, {@link RequireHttpMethods}, ...).
 *
 * <p>Wrap the routes a set of annotations applies to:
 * <pre class="code">
 * RouterFunctions.route()
 *     .GET("/hello/", handler::hello)
 *     .add(HandlerAnnotations.annotate(route().POST("/api/exempt/", handler::exempt).build(), CsrfExempt.class))
 *     .add(HandlerAnnotations.annotate(route(path("/methods/"), handler::methods),
 *             HandlerAnnotations.requireHttpMethods("GET")))
 *     .build();
 * </pre>
 * <p>When a wrapped router function matches a request it records its annotations in the
 * exchange attributes, where {@link DefaultHandlerResolver} reads them. Unlike a marker on
 * the {@link HandlerFunction}, this survives {@code filter}, {@code before} and
 * {@code after} (which replace the handler function by a wrapper) and nesting. Route
 * attributes ({@code withAttribute}) cannot serve: Spring exposes them to visitors only,
 * not to requests. Nested wrappers combine; the innermost wins for an annotation type.
 */
public final class HandlerAnnotations {

	/**
	 * The exchange attribute holding the annotations of the matched functional route, a
	 * {@code Map<Class<? extends Annotation>, Annotation>}.
	 */
	public static final String ATTRIBUTE = HandlerAnnotations.class.getName() + ".ANNOTATIONS";

	private HandlerAnnotations() {
	}

	/**
	 * Annotates routes with annotations that have no attributes (or only defaults).
	 * @param routes the routes to annotate
	 * @param types the annotation types, e.g. {@code CsrfExempt.class}
	 * @param <T> the response type
	 * @return routes that match as {@code routes} do and carry the annotations
	 */
	@SafeVarargs
	public static <T extends ServerResponse> RouterFunction<T> annotate(RouterFunction<T> routes,
			Class<? extends Annotation>... types) {
		return annotate(routes, Arrays.stream(types).map(HandlerAnnotations::of).toArray(Annotation[]::new));
	}

	/**
	 * Annotates routes with annotation instances, e.g. {@link #requireHttpMethods(String...)}.
	 * @param routes the routes to annotate
	 * @param annotations the annotations
	 * @return routes that match as {@code routes} do and carry the annotations
	 * @param <T> the response type
	 */
	public static <T extends ServerResponse> RouterFunction<T> annotate(RouterFunction<T> routes,
			Annotation... annotations) {
		Assert.notNull(routes, "'routes' must not be null");
		Assert.noNullElements(annotations, "'annotations' must not contain null");
		Map<Class<? extends Annotation>, Annotation> byType = new LinkedHashMap<>();
		for (Annotation annotation : annotations) {
			byType.put(annotation.annotationType(), annotation);
		}
		return new AnnotatedRouterFunction<>(routes, Map.copyOf(byType));
	}

	/**
	 * An instance of {@link RequireHttpMethods}, for {@link #annotate(RouterFunction, Annotation...)}.
	 * @param methods the allowed methods
	 * @return the annotation
	 */
	public static RequireHttpMethods requireHttpMethods(String... methods) {
		Assert.notEmpty(methods, "'methods' must not be empty");
		return MergedAnnotation.of(RequireHttpMethods.class, Map.of("value", methods.clone())).synthesize();
	}

	/**
	 * An instance of {@link LoginRequired} with its own login URL.
	 * @param loginUrl the login URL
	 * @return the annotation
	 */
	public static LoginRequired loginRequired(String loginUrl) {
		return MergedAnnotation.of(LoginRequired.class, Map.of("loginUrl", loginUrl)).synthesize();
	}

	/**
	 * An instance of an annotation type with its default attribute values.
	 * @param type the annotation type
	 * @param <A> the annotation type
	 * @return the annotation
	 * @throws IllegalArgumentException if the type has an attribute without a default
	 */
	public static <A extends Annotation> A of(Class<A> type) {
		for (Method attribute : type.getDeclaredMethods()) {
			Assert.isTrue(attribute.getDefaultValue() != null, () -> "@" + type.getSimpleName() + "."
					+ attribute.getName() + "() has no default; pass an instance, e.g. HandlerAnnotations.requireHttpMethods(\"GET\")");
		}
		return MergedAnnotation.of(type).synthesize();
	}

	/**
	 * The annotations recorded by the functional route that matched the request.
	 * @param request the request
	 * @return the annotations by type, empty if none
	 */
	public static Map<Class<? extends Annotation>, Annotation> recordedOn(ServerRequest request) {
		return recorded(request.attributes());
	}

	@SuppressWarnings("unchecked")
	static Map<Class<? extends Annotation>, Annotation> recorded(Map<String, Object> attributes) {
		Object recorded = attributes.get(ATTRIBUTE);
		return (recorded != null) ? (Map<Class<? extends Annotation>, Annotation>) recorded : Map.of();
	}

	private static final class AnnotatedRouterFunction<T extends ServerResponse> implements RouterFunction<T> {

		private final RouterFunction<T> delegate;

		private final Map<Class<? extends Annotation>, Annotation> annotations;

		AnnotatedRouterFunction(RouterFunction<T> delegate, Map<Class<? extends Annotation>, Annotation> annotations) {
			this.delegate = delegate;
			this.annotations = annotations;
		}

		@Override
		public Mono<HandlerFunction<T>> route(ServerRequest request) {
			return this.delegate.route(request).doOnNext((handler) -> record(request.attributes()));
		}

		private void record(Map<String, Object> attributes) {
			// an inner wrapper matched first and recorded its own: it is the more specific
			Map<Class<? extends Annotation>, Annotation> merged = new LinkedHashMap<>(recorded(attributes));
			this.annotations.forEach(merged::putIfAbsent);
			attributes.put(ATTRIBUTE, Map.copyOf(merged));
		}

		@Override
		public void accept(RouterFunctions.Visitor visitor) {
			this.delegate.accept(visitor);
		}

		@Override
		public String toString() {
			List<String> names = new ArrayList<>();
			this.annotations.keySet().forEach((type) -> names.add("@" + type.getSimpleName()));
			return names + " " + this.delegate;
		}

	}

}
