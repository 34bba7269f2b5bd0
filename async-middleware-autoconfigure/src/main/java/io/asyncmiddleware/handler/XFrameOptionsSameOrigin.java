package io.asyncmiddleware.handler;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Answers with {@code X-Frame-Options: SAMEORIGIN} unless the handler set the header itself.
 *
 * <p>Django: {@code @xframe_options_sameorigin}. Applies to a controller method or class, or to a functional
 * route through {@link HandlerAnnotations}.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface XFrameOptionsSameOrigin {

}
