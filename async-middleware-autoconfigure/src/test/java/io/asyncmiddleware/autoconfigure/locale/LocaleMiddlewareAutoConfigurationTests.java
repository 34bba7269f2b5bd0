package io.asyncmiddleware.autoconfigure.locale;

import io.asyncmiddleware.middleware.locale.LocaleWebFilter;
import io.asyncmiddleware.stack.BuiltInMiddleware;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.assertj.core.api.Assertions.assertThat;

class LocaleMiddlewareAutoConfigurationTests {

	private static final RouterFunction<ServerResponse> ROUTES = RouterFunctions.route()
		.GET("/hello/", (request) -> ServerResponse.ok().bodyValue("hello"))
		.build();

	private final ReactiveWebApplicationContextRunner contextRunner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LocaleMiddlewareAutoConfiguration.class));

	@Test
	@DisplayName("contributes the 'locale' entry; defaults: en-us served as en, pt-br supported, django_language cookie")
	void contributesEntry() {
		this.contextRunner.run((context) -> {
			BuiltInMiddleware entry = context.getBean(BuiltInMiddleware.class);
			assertThat(entry.name()).isEqualTo("locale");
			assertThat(entry.filterType()).isEqualTo(LocaleWebFilter.class);
			WebTestClient client = client(entry);
			client.get().uri("/hello/").exchange().expectHeader().valueEquals(HttpHeaders.CONTENT_LANGUAGE, "en");
			client.get().uri("/hello/").header(HttpHeaders.ACCEPT_LANGUAGE, "pt-BR").exchange().expectHeader()
				.valueEquals(HttpHeaders.CONTENT_LANGUAGE, "pt-br");
			client.get().uri("/hello/").cookie("django_language", "nl").exchange().expectHeader()
				.valueEquals(HttpHeaders.CONTENT_LANGUAGE, "nl");
		});
	}

	@Test
	@DisplayName("language-code, languages and cookie-name are bound")
	void propertiesBound() {
		this.contextRunner
			.withPropertyValues("async-middleware.locale.language-code=fr", "async-middleware.locale.languages=fr,de",
					"async-middleware.locale.cookie-name=lang")
			.run((context) -> {
				WebTestClient client = client(context.getBean(BuiltInMiddleware.class));
				client.get().uri("/hello/").header(HttpHeaders.ACCEPT_LANGUAGE, "nl").exchange().expectHeader()
					.valueEquals(HttpHeaders.CONTENT_LANGUAGE, "fr");
				client.get().uri("/hello/").cookie("lang", "de").exchange().expectHeader()
					.valueEquals(HttpHeaders.CONTENT_LANGUAGE, "de");
			});
	}

	@Test
	@DisplayName("an empty languages list stops the startup naming the property")
	void emptyLanguages() {
		this.contextRunner.withPropertyValues("async-middleware.locale.languages=")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("async-middleware.locale.languages"));
	}

	private static WebTestClient client(BuiltInMiddleware entry) {
		return WebTestClient.bindToRouterFunction(ROUTES).webFilter(entry.filterFactory().get()).build();
	}

}
