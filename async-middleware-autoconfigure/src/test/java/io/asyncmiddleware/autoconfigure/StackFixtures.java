package io.asyncmiddleware.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import io.asyncmiddleware.hooks.SyncHooks;
import io.asyncmiddleware.stack.BuiltInMiddleware;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Filters and configurations shared by the auto-configuration tests.
 */
final class StackFixtures {

	private StackFixtures() {
	}

	/**
	 * Appends its name to the {@code X-Trace} response header: non-blocking.
	 */
	static class TracingFilter implements WebFilter {

		private final String name;

		TracingFilter(String name) {
			this.name = name;
		}

		@Override
		public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
			exchange.getResponse().getHeaders().add("X-Trace", this.name);
			return chain.filter(exchange);
		}

	}

	/**
	 * Sleeps before the chain: blocking, found by the bytecode scan.
	 */
	static class SleepingFilter implements WebFilter {

		@Override
		public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
			try {
				Thread.sleep(1);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			exchange.getResponse().getHeaders().add("X-Trace", "sleeping");
			return chain.filter(exchange);
		}

	}

	/**
	 * Django's old-style middleware: blocking by contract.
	 */
	static class AuditHooks implements SyncHooks {

		final List<String> threads = new ArrayList<>();

		@Override
		public void processResponse(ServerWebExchange exchange) {
			exchange.getResponse().getHeaders().add("X-Trace", "audit");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TracingFilters {

		@Bean
		@Order(10)
		TracingFilter first() {
			return new TracingFilter("first");
		}

		@Bean
		@Order(5)
		TracingFilter second() {
			return new TracingFilter("second");
		}

		@Bean
		@Order(-500)
		TracingFilter early() {
			return new TracingFilter("early");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class SleepingFilterConfiguration {

		@Bean
		SleepingFilter sleeping() {
			return new SleepingFilter();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class AuditHooksConfiguration {

		@Bean
		AuditHooks audit() {
			return new AuditHooks();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class BuiltInEntries {

		@Bean
		BuiltInMiddleware tracingBuiltIn() {
			return BuiltInMiddleware.of("tracing", TracingFilter.class, () -> new TracingFilter("tracing"));
		}

		@Bean
		BuiltInMiddleware dependentBuiltIn() {
			return BuiltInMiddleware.of("dependent", TracingFilter.class, () -> new TracingFilter("dependent"))
				.requiring("tracing");
		}

	}

}
