package io.asyncmiddleware.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ConditionalOnAsyncMiddleware}.
 */
class ConditionalOnAsyncMiddlewareTests {

	private final ReactiveWebApplicationContextRunner reactive = new ReactiveWebApplicationContextRunner()
		.withUserConfiguration(OnAsyncMiddleware.class);

	@Test
	void matchesAReactiveApplicationWithoutTheProperty() {
		this.reactive.run((context) -> assertThat(context).hasBean("marker"));
	}

	@Test
	void matchesAReactiveApplicationWithTheStarterEnabled() {
		this.reactive.withPropertyValues("async-middleware.enabled=true")
			.run((context) -> assertThat(context).hasBean("marker"));
	}

	@Test
	void doesNotMatchWhenDisabled() {
		this.reactive.withPropertyValues("async-middleware.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("marker"));
	}

	@Test
	void doesNotMatchAServletApplication() {
		new WebApplicationContextRunner().withUserConfiguration(OnAsyncMiddleware.class)
			.withPropertyValues("async-middleware.enabled=true")
			.run((context) -> assertThat(context).doesNotHaveBean("marker"));
	}

	@Test
	void doesNotMatchWithoutAWebApplication() {
		new ApplicationContextRunner().withUserConfiguration(OnAsyncMiddleware.class)
			.run((context) -> assertThat(context).doesNotHaveBean("marker"));
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnAsyncMiddleware
	static class OnAsyncMiddleware {

		@Bean
		String marker() {
			return "on";
		}

	}

}
