package io.asyncmiddleware.autoconfigure.gzip;

import io.asyncmiddleware.middleware.gzip.GZipWebFilter;
import io.asyncmiddleware.stack.BuiltInMiddleware;
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

class GZipMiddlewareAutoConfigurationTests {

	private static final RouterFunction<ServerResponse> ROUTES = RouterFunctions.route()
		.GET("/big/", (request) -> ServerResponse.ok().bodyValue("abcdefghij".repeat(100)))
		.build();

	private final ReactiveWebApplicationContextRunner contextRunner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(GZipMiddlewareAutoConfiguration.class));

	@Test
	@DisplayName("contributes the 'gzip' entry, which compresses, with random padding by default")
	void contributesEntry() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(BuiltInMiddleware.class);
			assertThat(context.getBean(GZipMiddlewareProperties.class).isRandomPadding()).isTrue();
			BuiltInMiddleware entry = context.getBean(BuiltInMiddleware.class);
			assertThat(entry.name()).isEqualTo("gzip");
			assertThat(entry.filterType()).isEqualTo(GZipWebFilter.class);
			client(entry).get()
				.uri("/big/")
				.header(HttpHeaders.ACCEPT_ENCODING, "gzip")
				.exchange()
				.expectHeader()
				.valueEquals(HttpHeaders.CONTENT_ENCODING, "gzip")
				.expectBody(byte[].class)
				.value((body) -> assertThat(body[3]).isEqualTo((byte) 0x08));
		});
	}

	@Test
	@DisplayName("random-padding=false writes a gzip header without a file name")
	void withoutRandomPadding() {
		this.contextRunner.withPropertyValues("async-middleware.gzip.random-padding=false")
			.run((context) -> client(context.getBean(BuiltInMiddleware.class)).get()
				.uri("/big/")
				.header(HttpHeaders.ACCEPT_ENCODING, "gzip")
				.exchange()
				.expectBody(byte[].class)
				.value((body) -> assertThat(body[3]).isZero()));
	}

	@Test
	@DisplayName("a servlet application gets no entry")
	void notInServletApplication() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(GZipMiddlewareAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(BuiltInMiddleware.class));
	}

	private static WebTestClient client(BuiltInMiddleware entry) {
		return WebTestClient.bindToRouterFunction(ROUTES).webFilter(entry.filterFactory().get()).build();
	}

}
