package io.asyncmiddleware.detection;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that a {@code WebFilter} blocks the calling thread, so detection need not
 * analyse it: the declaration is the verdict. The configured mode then decides whether
 * startup fails, or the filter is adapted or isolated.
 *
 * <p>On a {@code @Bean} method, it declares the filter the method returns, for filters
 * written as lambdas.
 *
 * <p>The Java counterpart of a Django middleware that is only {@code sync_capable}.
 *
 * @see NonBlocking
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Blocking {

	/**
	 * Why the filter blocks, shown as the evidence (e.g. "writes an audit row over JDBC").
	 * @return the reason
	 */
	String value() default "";

}
