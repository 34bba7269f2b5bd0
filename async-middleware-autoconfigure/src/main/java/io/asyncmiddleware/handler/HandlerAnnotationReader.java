package io.asyncmiddleware.handler;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.ServerRequest;

/**
 * Reads the starter's annotations of a handler a mapping found: from a
 * {@link HandlerMethod}'s method, then its class (meta annotations and composed
 * annotations count), from the functional route that matched ({@link HandlerAnnotations}),
 * or from the class of any other handler object. Each handler's declared annotations are
 * read once: merged annotations are costly to read and handlers are few.
 */
final class HandlerAnnotationReader {

	/** The annotations a handler can carry. */
	private static final List<Class<? extends Annotation>> TYPES = List.of(CsrfExempt.class,
			XFrameOptionsExempt.class, XFrameOptionsSameOrigin.class, XFrameOptionsDeny.class, NoAppendSlash.class,
			LoginRequired.class, RequireHttpMethods.class);

	/** Mutually exclusive: one on the method hides the others on the class. */
	private static final Set<Class<? extends Annotation>> X_FRAME_OPTIONS = Set.of(XFrameOptionsExempt.class,
			XFrameOptionsSameOrigin.class, XFrameOptionsDeny.class);

	// keyed by the handler method's Method, then by its bean type (a method inherited by two
	// controllers carries each one's class annotations); looked up on every request, so
	// without a key object: the maps find the same Method and Class by identity first. Each
	// lookup tries get() before computeIfAbsent, which locks the bin when the entry is not at
	// its head, and whose functions reading annotations capture the method or the handler
	// (an object per call)
	private final Map<Method, Map<Class<?>, Map<Class<? extends Annotation>, Annotation>>> declaredByMethod = new ConcurrentHashMap<>();

	// other handlers (functional routes' handler functions, handler objects), by class
	private final Map<Class<?>, Map<Class<? extends Annotation>, Annotation>> declaredByType = new ConcurrentHashMap<>();

	/**
	 * The handler with its annotations.
	 * @param handler what a mapping found
	 * @param routeAnnotations the annotations the matching functional route recorded (see
	 * {@link HandlerAnnotations#recorded}), empty for other handlers
	 * @return the resolved handler
	 */
	ResolvedHandler read(Object handler, Map<Class<? extends Annotation>, Annotation> routeAnnotations) {
		if (routeAnnotations.isEmpty()) {
			// the usual case, an annotated controller: its annotations as read once
			return new ResolvedHandler(handler, declaredAnnotations(handler));
		}
		Map<Class<? extends Annotation>, Annotation> annotations = new LinkedHashMap<>(routeAnnotations);
		boolean framingDecided = annotations.keySet().stream().anyMatch(X_FRAME_OPTIONS::contains);
		declaredAnnotations(handler).forEach((type, annotation) -> {
			if (!(framingDecided && X_FRAME_OPTIONS.contains(type))) {
				annotations.putIfAbsent(type, annotation);
			}
		});
		return new ResolvedHandler(handler, annotations);
	}

	private Map<Class<? extends Annotation>, Annotation> declaredAnnotations(Object handler) {
		if (handler instanceof HandlerMethod handlerMethod) {
			Method method = handlerMethod.getMethod();
			Map<Class<?>, Map<Class<? extends Annotation>, Annotation>> byType = this.declaredByMethod.get(method);
			if (byType == null) {
				byType = this.declaredByMethod.computeIfAbsent(method, (key) -> new ConcurrentHashMap<>(2));
			}
			Class<?> beanType = handlerMethod.getBeanType();
			Map<Class<? extends Annotation>, Annotation> annotations = byType.get(beanType);
			return (annotations != null) ? annotations
					: byType.computeIfAbsent(beanType, (type) -> collect(method, type));
		}
		Class<?> handlerType = handler.getClass();
		Map<Class<? extends Annotation>, Annotation> annotations = this.declaredByType.get(handlerType);
		return (annotations != null) ? annotations
				: this.declaredByType.computeIfAbsent(handlerType, (type) -> collect((handler instanceof HandlerFunction<?>)
						? ReflectionUtils.findMethod(type, "handle", ServerRequest.class) : null, type));
	}

	private static Map<Class<? extends Annotation>, Annotation> collect(@Nullable Method method, Class<?> type) {
		Map<Class<? extends Annotation>, Annotation> annotations = new LinkedHashMap<>();
		if (method != null) {
			collect(MergedAnnotations.from(method, SearchStrategy.TYPE_HIERARCHY), annotations);
		}
		collect(MergedAnnotations.from(type, SearchStrategy.TYPE_HIERARCHY), annotations);
		return Map.copyOf(annotations);
	}

	private static void collect(MergedAnnotations source, Map<Class<? extends Annotation>, Annotation> into) {
		boolean framingDecided = into.keySet().stream().anyMatch(X_FRAME_OPTIONS::contains);
		for (Class<? extends Annotation> type : TYPES) {
			if (into.containsKey(type) || (framingDecided && X_FRAME_OPTIONS.contains(type))) {
				continue;
			}
			MergedAnnotation<? extends Annotation> annotation = source.get(type);
			if (annotation.isPresent()) {
				into.put(type, annotation.synthesize());
			}
		}
	}

}
