package io.asyncmiddleware.handler;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Answers with {@code X-Frame-Options: DENY} unless the handler set the header itself.
 *
 * <p>Django: {@code @xframe_options_deny}. Applies to a controller method or class, or to a functional
 * route through {@link HandlerAnnotations}.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface XFrameOptionsDeny {

}
