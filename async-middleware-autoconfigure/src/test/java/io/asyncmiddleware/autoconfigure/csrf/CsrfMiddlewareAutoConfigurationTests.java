package io.asyncmiddleware.autoconfigure.csrf;

import java.util.List;

import io.asyncmiddleware.middleware.csrf.CsrfWebFilter;
import io.asyncmiddleware.stack.BuiltInMiddleware;
import io.asyncmiddleware.autoconfigure.AsyncMiddlewareAutoConfiguration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.server.WebFilter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class CsrfMiddlewareAutoConfigurationTests {

	private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CsrfMiddlewareAutoConfiguration.class));

	@Test
	@DisplayName("contributes the 'csrf' built-in entry, not a WebFilter bean")
	void contributesBuiltInEntry() {
		this.runner.run((context) -> {
			BuiltInMiddleware entry = context.getBean(BuiltInMiddleware.class);
			assertThat(entry.name()).isEqualTo("csrf");
			assertThat(entry.filterType()).isEqualTo(CsrfWebFilter.class);
			assertThat(context).doesNotHaveBean(WebFilter.class);
			assertThat(entry.filterFactory().get()).isInstanceOf(CsrfWebFilter.class);
		});
	}

	@Test
	@DisplayName("backs off without Spring Security's CsrfToken or outside a reactive web application")
	void backsOff() {
		this.runner.withClassLoader(new FilteredClassLoader(CsrfToken.class))
			.run((context) -> assertThat(context).doesNotHaveBean(BuiltInMiddleware.class));
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(CsrfMiddlewareAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(BuiltInMiddleware.class));
	}

	@Test
	@DisplayName("the properties reach the filter: cookie name, age, SameSite, header name")
	void propertiesApplied() {
		this.runner
			.withPropertyValues("async-middleware.csrf.cookie-name=tok", "async-middleware.csrf.cookie-age=123",
					"async-middleware.csrf.cookie-same-site=Strict", "async-middleware.csrf.header-name=X-My-Token",
					"async-middleware.csrf.debug=true")
			.run((context) -> {
				CsrfWebFilter filter = (CsrfWebFilter) context.getBean(BuiltInMiddleware.class).filterFactory().get();
				WebTestClient client = WebTestClient
					.bindToWebHandler((exchange) -> exchange.getResponse()
						.writeWith(reactor.core.publisher.Mono.just(exchange.getResponse().bufferFactory()
							.wrap(exchange.<CsrfToken>getRequiredAttribute("_csrf").getToken().getBytes()))))
					.webFilter(filter)
					.build();
				EntityExchangeResult<String> page = client.get().uri("/").exchange().expectBody(String.class)
					.returnResult();
				assertThat(page.getResponseHeaders().getFirst("Set-Cookie")).startsWith("tok=")
					.contains("Max-Age=123")
					.contains("SameSite=Strict");
				client.post().uri("/").cookie("tok", page.getResponseCookies().getFirst("tok").getValue())
					.header("X-My-Token", "a".repeat(16)).exchange().expectStatus().isForbidden()
					.expectBody(String.class)
					.value((body) -> assertThat(body).contains("X-My-Token"));
			});
	}

	@Test
	@DisplayName("a wrong SameSite or a trusted origin without scheme stops startup naming the fix")
	void invalidSettingsFailStartup() {
		this.runner.withPropertyValues("async-middleware.csrf.cookie-same-site=Sometimes")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("must be 'Lax', 'Strict' or 'None'"));
		this.runner.withPropertyValues("async-middleware.csrf.trusted-origins=example.com")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("must start with a scheme")
				.hasMessageContaining("https://example.com"));
	}

	@Test
	@DisplayName("CSRF-45: with use-sessions, 'session' must come before 'csrf' in the stack")
	void sessionBeforeCsrf() {
		this.runner.withPropertyValues("async-middleware.csrf.use-sessions=true")
			.run((context) -> assertThat(context.getBean(BuiltInMiddleware.class).requiredBefore())
				.containsExactly("session"));
		this.runner.run((context) -> assertThat(context.getBean(BuiltInMiddleware.class).requiredBefore()).isEmpty());
		this.runner.withConfiguration(AutoConfigurations.of(AsyncMiddlewareAutoConfiguration.class))
			.withPropertyValues("async-middleware.csrf.use-sessions=true", "async-middleware.stack=csrf")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("'csrf' needs 'session' before it"));
	}

}
