package io.asyncmiddleware.detection;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that a {@code WebFilter} never blocks the calling thread. The declaration wins
 * over static analysis (for code the scanner misjudges); if run-time detection later
 * catches the filter blocking an event loop, that is reported loudly.
 *
 * <p>On a {@code @Bean} method, it declares the filter the method returns, for filters
 * written as lambdas.
 *
 * <p>The Java counterpart of Django's {@code async_capable} flag.
 *
 * @see Blocking
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface NonBlocking {

	/**
	 * Why the filter is safe although it may look blocking, for readers and the endpoint.
	 * @return the justification
	 */
	String value() default "";

}
