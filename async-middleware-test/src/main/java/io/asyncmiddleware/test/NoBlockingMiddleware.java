package io.asyncmiddleware.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The build gate as an annotation: on a Spring test class ({@code @SpringBootTest},
 * {@code @WebFluxTest}), every test of the class fails when any filter of the
 * application's chain is judged blocking, with the report of
 * {@code async-middleware.mode=fail}. Same check as
 * {@link MiddlewareAssertions#assertNoBlockingEntries}.
 *
 * <pre class="code">
 * &#64;SpringBootTest
 * &#64;NoBlockingMiddleware
 * class ApplicationTests { ... }
 * </pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(NoBlockingMiddlewareExtension.class)
public @interface NoBlockingMiddleware {

}
