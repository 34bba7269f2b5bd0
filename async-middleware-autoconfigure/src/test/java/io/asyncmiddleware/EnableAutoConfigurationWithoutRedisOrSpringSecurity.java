package io.asyncmiddleware;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * {@link EnableAutoConfigurationWithoutRedis}, and without Spring Security: for a test
 * about the stack alone. Spring Security is on the test classpath, and Boot's
 * auto-configuration of it would put a chain (with its own CSRF check, headers and a
 * generated user) in front of the stack, and this project's composition with it would
 * contribute its permit-all chain; neither is what such a test looks at. Tests of the
 * composition with Spring Security use {@link EnableAutoConfigurationWithoutRedis}.
 * <p>
 * Boot's security auto-configurations listed are the reactive ones, and
 * {@code SecurityAutoConfiguration} (its properties and authentication event publisher).
 * Excluding {@code ReactiveWebSecurityAutoConfiguration} alone already turns off the
 * composition's permit-all chain; the composition is excluded as well so that nothing of
 * it (its properties, its post-processor of chains) is in the context. Redis is listed
 * again because an annotation carries one {@code @EnableAutoConfiguration}: Boot uses the
 * nearest one's attributes and does not merge two.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@EnableAutoConfiguration(excludeName = {
		"org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration",
		"io.asyncmiddleware.autoconfigure.springsecurity.SpringSecurityCompositionAutoConfiguration",
		"org.springframework.boot.session.data.redis.autoconfigure.SessionDataRedisAutoConfiguration",
		"org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
		"org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration",
		"org.springframework.boot.data.redis.autoconfigure.health.DataRedisReactiveHealthContributorAutoConfiguration",
		"org.springframework.boot.data.redis.autoconfigure.health.DataRedisHealthContributorAutoConfiguration" })
public @interface EnableAutoConfigurationWithoutRedisOrSpringSecurity {

}
