package io.asyncmiddleware;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * {@link EnableAutoConfiguration @EnableAutoConfiguration} for a test application, without
 * Boot's Redis and Spring Session Redis auto-configurations. Redis runs on the machines
 * where these tests run (CI and development, 127.0.0.1:6379), and the test classpath has
 * Spring Session Data Redis and Lettuce: an application with them would keep its sessions
 * in that Redis and check it for its health, and what it does would depend on that
 * server's state. Tests about Redis itself use it on purpose, and skip when it is absent.
 * <p>
 * Boot reads {@code excludeName} through merged annotations (as it does for
 * {@code @SpringBootApplication}), so these exclusions apply to the class carrying this
 * annotation. Excluded names that are not classes are ignored by Boot; the names here are
 * checked by {@link ExcludingAutoConfigurationsTests}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@EnableAutoConfiguration(excludeName = {
		"org.springframework.boot.session.data.redis.autoconfigure.SessionDataRedisAutoConfiguration",
		"org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
		"org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration",
		"org.springframework.boot.data.redis.autoconfigure.health.DataRedisReactiveHealthContributorAutoConfiguration",
		"org.springframework.boot.data.redis.autoconfigure.health.DataRedisHealthContributorAutoConfiguration" })
public @interface EnableAutoConfigurationWithoutRedis {

}
