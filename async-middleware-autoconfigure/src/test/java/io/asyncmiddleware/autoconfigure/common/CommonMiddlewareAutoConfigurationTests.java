package io.asyncmiddleware.autoconfigure.common;

import io.asyncmiddleware.autoconfigure.handler.HandlerResolverAutoConfiguration;
import io.asyncmiddleware.middleware.common.CommonWebFilter;
import io.asyncmiddleware.stack.BuiltInMiddleware;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.assertj.core.api.Assertions.assertThat;

class CommonMiddlewareAutoConfigurationTests {

	private static final RouterFunction<ServerResponse> ROUTES = RouterFunctions.route()
		.GET("/slash/", (request) -> ServerResponse.ok().bodyValue("ok"))
		.build();

	private final ReactiveWebApplicationContextRunner contextRunner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HandlerResolverAutoConfiguration.class,
				CommonMiddlewareAutoConfiguration.class))
		.withBean(RouterFunction.class, () -> ROUTES);

	@Test
	@DisplayName("contributes the 'common' entry")
	void contributesEntry() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(BuiltInMiddleware.class);
			BuiltInMiddleware entry = context.getBean(BuiltInMiddleware.class);
			assertThat(entry.name()).isEqualTo("common");
			assertThat(entry.filterType()).isEqualTo(CommonWebFilter.class);
		});
	}

	@Test
	@DisplayName("properties reach the filter: disallowed-user-agents and allowed-hosts")
	void propertiesBound() {
		this.contextRunner
			.withPropertyValues("async-middleware.common.disallowed-user-agents=BadBot",
					"async-middleware.common.allowed-hosts=testserver,.example.com")
			.run((context) -> {
				WebTestClient client = client(context.getBean(BuiltInMiddleware.class));
				client.get().uri("http://testserver/slash/").header(HttpHeaders.USER_AGENT, "a BadBot/1").exchange()
					.expectStatus().isForbidden();
				client.get().uri("http://other/slash/").header(HttpHeaders.HOST, "other").exchange().expectStatus()
					.isBadRequest();
				client.get().uri("http://www.example.com/slash/").header(HttpHeaders.HOST, "www.example.com")
					.exchange().expectStatus().isOk();
			});
	}

	@Test
	@DisplayName("an invalid disallowed-user-agents regex stops the startup naming the property")
	void invalidRegex() {
		this.contextRunner.withPropertyValues("async-middleware.common.disallowed-user-agents=Bad[Bot")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("async-middleware.common.disallowed-user-agents")
				.hasMessageContaining("Bad[Bot"));
	}

	@Test
	@DisplayName("without a HandlerResolver: no entry")
	void withoutHandlerResolver() {
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(CommonMiddlewareAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(BuiltInMiddleware.class));
	}

	@Test
	@DisplayName("a servlet application: no entry")
	void servletApplication() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(CommonMiddlewareAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(BuiltInMiddleware.class));
	}

	private static WebTestClient client(BuiltInMiddleware entry) {
		return WebTestClient.bindToRouterFunction(ROUTES).webFilter(entry.filterFactory().get()).build();
	}

}
