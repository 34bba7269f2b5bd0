package io.asyncmiddleware.autoconfigure.clickjacking;

import io.asyncmiddleware.autoconfigure.handler.HandlerResolverAutoConfiguration;
import io.asyncmiddleware.middleware.clickjacking.XFrameOptionsWebFilter;
import io.asyncmiddleware.stack.BuiltInMiddleware;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.assertj.core.api.Assertions.assertThat;

class XFrameOptionsMiddlewareAutoConfigurationTests {

	private static final RouterFunction<ServerResponse> ROUTES = RouterFunctions.route()
		.GET("/hello/", (request) -> ServerResponse.ok().bodyValue("hello"))
		.build();

	private final ReactiveWebApplicationContextRunner contextRunner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HandlerResolverAutoConfiguration.class,
				XFrameOptionsMiddlewareAutoConfiguration.class));

	@Test
	@DisplayName("contributes the 'x-frame-options' entry")
	void contributesEntry() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(BuiltInMiddleware.class);
			BuiltInMiddleware entry = context.getBean(BuiltInMiddleware.class);
			assertThat(entry.name()).isEqualTo("x-frame-options");
			assertThat(entry.filterType()).isEqualTo(XFrameOptionsWebFilter.class);
		});
	}

	@Test
	@DisplayName("XF-02: setting absent sends DENY")
	void defaultIsDeny() {
		this.contextRunner.run((context) -> client(context.getBean(BuiltInMiddleware.class)).get()
			.uri("/hello/")
			.exchange()
			.expectHeader()
			.valueEquals("X-Frame-Options", "DENY"));
	}

	@Test
	@DisplayName("XF-01: value=sameorigin is upper-cased to SAMEORIGIN")
	void sameOrigin() {
		this.contextRunner.withPropertyValues("async-middleware.x-frame-options.value=sameorigin")
			.run((context) -> client(context.getBean(BuiltInMiddleware.class)).get()
				.uri("/hello/")
				.exchange()
				.expectHeader()
				.valueEquals("X-Frame-Options", "SAMEORIGIN"));
	}

	@Test
	@DisplayName("an invalid value stops the startup naming the property and the valid values")
	void invalidValue() {
		this.contextRunner.withPropertyValues("async-middleware.x-frame-options.value=ALLOWALL")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("async-middleware.x-frame-options.value")
				.hasMessageContaining("DENY, SAMEORIGIN"));
	}

	@Test
	@DisplayName("without Spring Security's header writers: no entry")
	void withoutSpringSecurityWeb() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(XFrameOptionsServerHttpHeadersWriter.class))
			.run((context) -> assertThat(context).doesNotHaveBean(BuiltInMiddleware.class));
	}

	private static WebTestClient client(BuiltInMiddleware entry) {
		return WebTestClient.bindToRouterFunction(ROUTES).webFilter(entry.filterFactory().get()).build();
	}

}
