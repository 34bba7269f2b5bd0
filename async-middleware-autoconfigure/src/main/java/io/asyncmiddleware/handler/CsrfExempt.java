package io.asyncmiddleware.handler;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Exempts the handler from the {@code csrf} entry's checks; a token can still be read.
 *
 * <p>Django: {@code @csrf_exempt}. Applies to a controller method or class, or to a functional
 * route through {@link HandlerAnnotations}.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface CsrfExempt {

}
