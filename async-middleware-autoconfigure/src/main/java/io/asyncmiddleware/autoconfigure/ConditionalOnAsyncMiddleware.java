package io.asyncmiddleware.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;

/**
 * Matches when the starter is switched on: a reactive web application whose
 * {@code async-middleware.enabled} is {@code true} or absent. Every auto-configuration of
 * the stack and of its entries carries it, so the two conditions that switch the starter
 * off are said once.
 * <p>
 * Boot's annotation processor precomputes only conditions written directly on a class, so
 * {@code spring-autoconfigure-metadata.properties} no longer lists
 * {@code ConditionalOnWebApplication=REACTIVE} for these classes: in a servlet application
 * they are left out when their conditions are evaluated rather than by the import filter,
 * with the same outcome.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnWebApplication(type = Type.REACTIVE)
@ConditionalOnBooleanProperty(name = "async-middleware.enabled", matchIfMissing = true)
public @interface ConditionalOnAsyncMiddleware {

}
