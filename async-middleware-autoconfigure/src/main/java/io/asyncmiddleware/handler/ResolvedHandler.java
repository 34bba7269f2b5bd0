package io.asyncmiddleware.handler;

import java.lang.annotation.Annotation;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The handler a request maps to, and the Django-style annotations it carries.
 *
 * <p>For an annotated controller the annotations are read from the handler method, then
 * its class. For a functional route they are those registered with the route (see
 * {@link HandlerAnnotations}).
 */
public final class ResolvedHandler {

	/** No handler matches the request (Django: the URL does not resolve). */
	public static final ResolvedHandler NONE = new ResolvedHandler(null, Map.of());

	@Nullable
	private final Object handler;

	private final Map<Class<? extends Annotation>, Annotation> annotations;

	/**
	 * Creates a resolved handler.
	 * @param handler the handler object, or {@code null} for none
	 * @param annotations the annotations that apply, by type
	 */
	public ResolvedHandler(@Nullable Object handler, Map<Class<? extends Annotation>, Annotation> annotations) {
		this.handler = handler;
		this.annotations = Map.copyOf(annotations);
	}

	/**
	 * Whether a handler matches the request.
	 * @return {@code false} for {@link #NONE}
	 */
	public boolean isFound() {
		return this.handler != null;
	}

	/**
	 * The handler object ({@code HandlerMethod}, {@code HandlerFunction}, ...).
	 * @return the handler, or {@code null} when none matches
	 */
	@Nullable
	public Object getHandler() {
		return this.handler;
	}

	/**
	 * The annotation of the given type that applies to the handler.
	 * @param type the annotation type
	 * @param <A> the annotation type
	 * @return the annotation, or {@code null}
	 */
	@Nullable
	public <A extends Annotation> A getAnnotation(Class<A> type) {
		return type.cast(this.annotations.get(type));
	}

	/**
	 * Whether an annotation of the given type applies to the handler.
	 * @param type the annotation type
	 * @return {@code true} if present
	 */
	public boolean hasAnnotation(Class<? extends Annotation> type) {
		return this.annotations.containsKey(type);
	}

}
