package io.asyncmiddleware.benchmarks.jmh;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A context with the starter and the servers' {@code /hello/} route: its
 * auto-configuration builds the entries the benchmarks run, and the entries that resolve
 * the handler find that route as they do on a server. In-memory sessions, no database,
 * no banner, and Spring Security's web support only where a benchmark asks for it.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(StackContext.HelloController.class)
class StackContext {

	@RestController
	static class HelloController {

		@GetMapping(path = "/hello/", produces = MediaType.TEXT_PLAIN_VALUE)
		String hello() {
			return "hello";
		}

	}

	/** Boot's Spring Security: the jmh module has it, and only stack-with-spring-security applies it. */
	private static final List<String> SPRING_SECURITY_AUTO_CONFIGURATIONS = List.of(
			"org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration");

	/**
	 * The starter on, with the given stack, and without Spring Security.
	 * @param stack the entries of {@code async-middleware.stack}
	 * @return the context's properties
	 */
	static Map<String, Object> properties(List<String> stack) {
		return properties(stack, true, false);
	}

	/**
	 * @param stack the entries of {@code async-middleware.stack}
	 * @param starterEnabled {@code async-middleware.enabled}: off, the starter's classes
	 * stay on the classpath and add nothing to the chain
	 * @param springSecurity whether Boot's Spring Security auto-configuration applies (the
	 * starter then composes its permit-all chain with the stack)
	 * @return the context's properties
	 */
	static Map<String, Object> properties(List<String> stack, boolean starterEnabled, boolean springSecurity) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.main.banner-mode", "off");
		properties.put("logging.level.root", "WARN");
		properties.put("async-middleware.enabled", String.valueOf(starterEnabled));
		properties.put("async-middleware.stack", String.join(",", stack));
		List<String> excluded = new ArrayList<>(List.of(
				"org.springframework.boot.session.data.redis.autoconfigure.SessionDataRedisAutoConfiguration",
				"org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
				"org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration",
				"org.springframework.boot.data.redis.autoconfigure.DataRedisRepositoriesAutoConfiguration",
				"org.springframework.boot.data.redis.autoconfigure.health.DataRedisHealthContributorAutoConfiguration",
				"org.springframework.boot.data.redis.autoconfigure.health.DataRedisReactiveHealthContributorAutoConfiguration",
				"org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
				"org.springframework.boot.r2dbc.autoconfigure.R2dbcInitializationAutoConfiguration",
				"org.springframework.boot.r2dbc.autoconfigure.R2dbcTransactionManagerAutoConfiguration",
				"org.springframework.boot.r2dbc.autoconfigure.health.ConnectionFactoryHealthContributorAutoConfiguration",
				"org.springframework.boot.data.r2dbc.autoconfigure.DataR2dbcAutoConfiguration",
				"org.springframework.boot.data.r2dbc.autoconfigure.DataR2dbcRepositoriesAutoConfiguration"));
		if (!springSecurity) {
			excluded.addAll(SPRING_SECURITY_AUTO_CONFIGURATIONS);
		}
		properties.put("spring.autoconfigure.exclude", String.join(",", excluded));
		return properties;
	}

}
