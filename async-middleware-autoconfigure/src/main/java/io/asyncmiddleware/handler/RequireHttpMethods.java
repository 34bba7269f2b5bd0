package io.asyncmiddleware.handler;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Other methods are answered {@code 405 Method Not Allowed} with an {@code Allow} header; works on reactive handlers.
 *
 * <p>Django: {@code @require_http_methods}. Applies to a controller method or class, or to a functional
 * route through {@link HandlerAnnotations}.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RequireHttpMethods {

	/**
	 * The allowed methods, e.g. {@code {"GET", "HEAD"}}.
	 * @return the allowed methods
	 */
	String[] value();

}
