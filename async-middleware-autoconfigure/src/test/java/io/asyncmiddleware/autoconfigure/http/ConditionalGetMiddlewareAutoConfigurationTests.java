package io.asyncmiddleware.autoconfigure.http;

import io.asyncmiddleware.autoconfigure.AsyncMiddlewareAutoConfiguration;
import io.asyncmiddleware.autoconfigure.gzip.GZipMiddlewareAutoConfiguration;
import io.asyncmiddleware.middleware.http.ConditionalGetWebFilter;
import io.asyncmiddleware.stack.BuiltInMiddleware;
import io.asyncmiddleware.stack.MiddlewareStack;
import io.asyncmiddleware.stack.StackEntry;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.assertj.core.api.Assertions.assertThat;

class ConditionalGetMiddlewareAutoConfigurationTests {

	private static final RouterFunction<ServerResponse> ROUTES = RouterFunctions.route()
		.GET("/hello/", (request) -> ServerResponse.ok().bodyValue("hello"))
		.build();

	private final ReactiveWebApplicationContextRunner contextRunner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ConditionalGetMiddlewareAutoConfiguration.class));

	@Test
	@DisplayName("contributes the 'conditional-get' entry, which adds the body's ETag")
	void contributesEntry() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(BuiltInMiddleware.class);
			BuiltInMiddleware entry = context.getBean(BuiltInMiddleware.class);
			assertThat(entry.name()).isEqualTo("conditional-get");
			assertThat(entry.filterType()).isEqualTo(ConditionalGetWebFilter.class);
			WebTestClient.bindToRouterFunction(ROUTES)
				.webFilter(entry.filterFactory().get())
				.build()
				.get()
				.uri("/hello/")
				.exchange()
				.expectHeader()
				.valueEquals(HttpHeaders.ETAG, "\"5d41402abc4b2a76b9719d911017c592\"");
		});
	}

	@Test
	@DisplayName("named after gzip in the stack, both entries join it in that order and start in fail mode (non-blocking)")
	void joinsStackAfterGzip() {
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(AsyncMiddlewareAutoConfiguration.class,
					GZipMiddlewareAutoConfiguration.class, ConditionalGetMiddlewareAutoConfiguration.class))
			.withPropertyValues("async-middleware.stack=gzip,conditional-get", "async-middleware.mode=fail")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(MiddlewareStack.class).getEntries()).extracting(StackEntry::name)
					.containsExactly("gzip", "conditional-get");
			});
	}

	@Test
	@DisplayName("a servlet application gets no entry")
	void notInServletApplication() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ConditionalGetMiddlewareAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(BuiltInMiddleware.class));
	}

}
