package io.asyncmiddleware.handler;

import java.lang.annotation.Annotation;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

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

	private final Set<String> allowedMethods;

	/**
	 * Creates a resolved handler.
	 * @param handler the handler object, or {@code null} for none
	 * @param annotations the annotations that apply, by type
	 */
	public ResolvedHandler(@Nullable Object handler, Map<Class<? extends Annotation>, Annotation> annotations) {
		this.handler = handler;
		this.annotations = Map.copyOf(annotations);
		this.allowedMethods = Set.of();
	}

	private ResolvedHandler(Set<String> allowedMethods) {
		this.handler = null;
		this.annotations = Map.of();
		this.allowedMethods = allowedMethods;
	}

	/**
	 * The request's path routes, but not with its method: Django resolves URLs by path
	 * alone, so the view exists (CSRF checks the request) and answers {@code 405}.
	 * @param allowedMethods the methods the path routes with, for {@code Allow}, in order
	 * @return a resolution with no handler that {@linkplain #isMethodNotAllowed() refuses the method}
	 */
	public static ResolvedHandler methodNotAllowed(Set<String> allowedMethods) {
		return new ResolvedHandler(Collections.unmodifiableSet(new LinkedHashSet<>(allowedMethods)));
	}

	/**
	 * Whether the path routes but not with the request's method (Django: the view exists
	 * and answers {@code 405 Method Not Allowed}).
	 * @return {@code true} when only the method did not match
	 */
	public boolean isMethodNotAllowed() {
		return !this.allowedMethods.isEmpty();
	}

	/**
	 * Whether the request reaches a view in Django's sense: a handler matches, or the path
	 * routes with another method.
	 * @return {@code true} when the URL resolves by path
	 */
	public boolean isView() {
		return this.handler != null || isMethodNotAllowed();
	}

	/**
	 * The methods the path routes with, when {@linkplain #isMethodNotAllowed() only the
	 * method did not match}.
	 * @return the methods, empty otherwise
	 */
	public Set<String> getAllowedMethods() {
		return this.allowedMethods;
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
