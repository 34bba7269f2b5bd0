package io.asyncmiddleware.test;

import io.asyncmiddleware.autoconfigure.AsyncMiddlewareAutoConfiguration;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link MiddlewareAssertions}, the build gate.
 */
class MiddlewareAssertionsTests {

	// adapt: the application starts whatever its filters do; the gate keeps the build strict
	private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AsyncMiddlewareAutoConfiguration.class))
		.withPropertyValues("async-middleware.mode=adapt");

	@Test
	void passesWhenNoEntryBlocks() {
		this.runner.withUserConfiguration(NonBlockingFilterConfiguration.class)
			.withPropertyValues("async-middleware.stack=tracing")
			.run((context) -> assertThatCode(() -> MiddlewareAssertions.assertNoBlockingEntries(context))
				.doesNotThrowAnyException());
	}

	@Test
	void failsWithTheReportOfFailModeWhenAnEntryBlocks() {
		this.runner.withUserConfiguration(NonBlockingFilterConfiguration.class, SleepingFilterConfiguration.class)
			.withPropertyValues("async-middleware.stack=tracing,sleeping")
			.run((context) -> assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(() -> MiddlewareAssertions.assertNoBlockingEntries(context))
				.withMessageContaining("1 middleware entry blocks the event loop")
				.withMessageContaining("'sleeping' (" + SleepingFilter.class.getName() + "), position 1 of the chain, "
						+ "in async-middleware.stack")
				.withMessageContaining("java.lang.Thread.sleep")
				.withMessageContaining("async-middleware.filters.sleeping.mode=isolate")
				.withMessageNotContaining("'tracing'"));
	}

	@Test
	void judgesFiltersOutsideTheStackToo() {
		this.runner.withUserConfiguration(SleepingFilterConfiguration.class)
			.run((context) -> assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(() -> MiddlewareAssertions.assertNoBlockingEntries(context))
				.withMessageContaining("'sleeping'")
				.withMessageContaining("outside the stack"));
	}

	@Test
	void failsWhenTheContextHasNoStack() {
		new ApplicationContextRunner()
			.run((context) -> assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(() -> MiddlewareAssertions.assertNoBlockingEntries(context))
				.withMessageContaining("no middleware stack"));
	}

	static class TracingFilter implements WebFilter {

		@Override
		public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
			exchange.getResponse().getHeaders().add("X-Trace", "tracing");
			return chain.filter(exchange);
		}

	}

	static class SleepingFilter implements WebFilter {

		@Override
		public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
			try {
				Thread.sleep(1);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return chain.filter(exchange);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class NonBlockingFilterConfiguration {

		@Bean
		TracingFilter tracing() {
			return new TracingFilter();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class SleepingFilterConfiguration {

		@Bean
		SleepingFilter sleeping() {
			return new SleepingFilter();
		}

	}

}
