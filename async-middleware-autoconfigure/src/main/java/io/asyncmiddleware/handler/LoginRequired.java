package io.asyncmiddleware.handler;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Anonymous users are redirected to the login URL with the requested path in {@code next}.
 *
 * <p>Django: {@code @login_required}. Applies to a controller method or class, or to a functional
 * route through {@link HandlerAnnotations}.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface LoginRequired {

	/**
	 * The login URL; empty means {@code async-middleware.authentication.login-url}.
	 * @return the login URL
	 */
	String loginUrl() default "";

	/**
	 * The query parameter that carries the requested path.
	 * @return the parameter name
	 */
	String redirectFieldName() default "next";

}
