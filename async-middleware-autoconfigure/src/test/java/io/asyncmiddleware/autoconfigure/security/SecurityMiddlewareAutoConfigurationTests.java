package io.asyncmiddleware.autoconfigure.security;

import java.util.List;

import io.asyncmiddleware.autoconfigure.handler.HandlerResolverAutoConfiguration;
import io.asyncmiddleware.middleware.security.RequestSecurity;
import io.asyncmiddleware.middleware.security.SecurityWebFilter;
import io.asyncmiddleware.stack.BuiltInMiddleware;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.error.ErrorWebFluxAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.security.web.server.header.ServerHttpHeadersWriter;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.WebFilter;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class SecurityMiddlewareAutoConfigurationTests {

	private final ReactiveWebApplicationContextRunner contextRunner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SecurityMiddlewareAutoConfiguration.class));

	@Test
	@DisplayName("contributes the 'security' entry and the shared RequestSecurity")
	void contributesEntry() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(BuiltInMiddleware.class).hasSingleBean(RequestSecurity.class);
			BuiltInMiddleware entry = context.getBean(BuiltInMiddleware.class);
			assertThat(entry.name()).isEqualTo("security");
			assertThat(entry.filterType()).isEqualTo(SecurityWebFilter.class);
			assertThat(entry.filterFactory().get()).isInstanceOf(SecurityWebFilter.class);
		});
	}

	@Test
	@DisplayName("without Spring Security's header writers: no entry, but RequestSecurity for the other entries")
	void withoutSpringSecurityWeb() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(ServerHttpHeadersWriter.class))
			.run((context) -> assertThat(context).doesNotHaveBean(BuiltInMiddleware.class)
				.hasSingleBean(RequestSecurity.class));
	}

	@Test
	@DisplayName("not a reactive web application: nothing")
	void notReactive() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(SecurityMiddlewareAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(BuiltInMiddleware.class)
				.doesNotHaveBean(RequestSecurity.class));
	}

	@Test
	@DisplayName("the HTTPS redirect names only hosts in async-middleware.common.allowed-hosts; others get 400")
	void sslRedirectUsesAllowedHosts() {
		this.contextRunner
			.withPropertyValues("async-middleware.security.ssl-redirect=true",
					"async-middleware.common.allowed-hosts=testserver")
			.run((context) -> {
				WebTestClient client = WebTestClient
					.bindToRouterFunction(RouterFunctions.route(RequestPredicates.all(),
							(request) -> ServerResponse.ok().build()))
					.webFilter(context.getBean(BuiltInMiddleware.class).filterFactory().get())
					.build();
				client.get().uri("http://testserver/a").header(HttpHeaders.HOST, "evil.test").exchange()
					.expectStatus().isBadRequest().expectHeader().doesNotExist(HttpHeaders.LOCATION);
				client.get().uri("http://testserver/a").header(HttpHeaders.HOST, "testserver").exchange()
					.expectStatus().isEqualTo(HttpStatus.MOVED_PERMANENTLY).expectHeader()
					.valueEquals(HttpHeaders.LOCATION, "https://testserver/a");
			});
	}

	@Test
	@DisplayName("ssl-redirect without allowed-hosts or ssl-host: the redirect is 400 for every Host, never a Location")
	void sslRedirectWithoutAllowedHosts(CapturedOutput output) {
		this.contextRunner.withPropertyValues("async-middleware.security.ssl-redirect=true").run((context) -> {
			WebTestClient client = WebTestClient
				.bindToRouterFunction(RouterFunctions.route(RequestPredicates.all(),
						(request) -> ServerResponse.ok().build()))
				.webFilter(context.getBean(BuiltInMiddleware.class).filterFactory().get())
				.build();
			client.get().uri("http://testserver/a").header(HttpHeaders.HOST, "evil.example").exchange()
				.expectStatus().isBadRequest().expectHeader().doesNotExist(HttpHeaders.LOCATION)
				.expectBody(String.class).value((body) -> assertThat(body)
					.contains("async-middleware.common.allowed-hosts"));
			client.get().uri("https://testserver/a").header(HttpHeaders.HOST, "evil.example").exchange()
				.expectStatus().isOk();
			assertThat(output).contains("WARN")
				.contains("async-middleware.security.ssl-redirect=true")
				.contains("async-middleware.common.allowed-hosts");
		});
	}

	@Test
	@DisplayName("ssl-redirect with allowed-hosts or ssl-host: no startup warning")
	void sslRedirectWithHostsNoWarning(CapturedOutput output) {
		for (String host : List.of("async-middleware.common.allowed-hosts=testserver",
				"async-middleware.security.ssl-host=secure.example.com")) {
			this.contextRunner.withPropertyValues("async-middleware.security.ssl-redirect=true", host)
				.run((context) -> context.getBean(BuiltInMiddleware.class).filterFactory().get());
		}
		assertThat(output).doesNotContain("async-middleware.security.ssl-redirect=true");
	}

	@Test
	@DisplayName("proxy-ssl-header, also in Django's HTTP_X_FORWARDED_PROTO form, makes X-Forwarded-Proto: https secure")
	void proxySslHeader() {
		this.contextRunner.withPropertyValues("async-middleware.security.proxy-ssl-header.name=HTTP_X_FORWARDED_PROTO")
			.run((context) -> {
				RequestSecurity security = context.getBean(RequestSecurity.class);
				assertThat(security.isSecure(
						MockServerHttpRequest.get("http://a.example/").header("X-Forwarded-Proto", "https").build()))
					.isTrue();
				assertThat(security.isSecure(MockServerHttpRequest.get("http://a.example/").build())).isFalse();
			});
	}

	@Test
	@DisplayName("invalid referrer-policy stops the startup naming the property and Django's valid values (security.E023)")
	void invalidReferrerPolicy() {
		this.contextRunner.withPropertyValues("async-middleware.security.referrer-policy=origin,nobody")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("async-middleware.security.referrer-policy")
				.hasMessageContaining("'nobody'")
				.hasMessageContaining("no-referrer-when-downgrade"));
	}

	@Test
	@DisplayName("invalid cross-origin-opener-policy stops the startup naming the property (security.E024)")
	void invalidOpenerPolicy() {
		this.contextRunner.withPropertyValues("async-middleware.security.cross-origin-opener-policy=same-site")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("async-middleware.security.cross-origin-opener-policy")
				.hasMessageContaining("same-origin-allow-popups"));
	}

	@Test
	@DisplayName("an invalid redirect-exempt regex or negative hsts-seconds stops the startup naming the property")
	void invalidRegexAndSeconds() {
		this.contextRunner.withPropertyValues("async-middleware.security.redirect-exempt=^insecure/(")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("async-middleware.security.redirect-exempt"));
		this.contextRunner.withPropertyValues("async-middleware.security.hsts-seconds=-1")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("async-middleware.security.hsts-seconds"));
	}

	@Test
	@DisplayName("SEC-01/05: the parity settings give max-age=31536000; includeSubDomains on X-Forwarded-Proto: https, "
			+ "also on Boot's error page")
	void paritySettingsThroughBootErrorPage() {
		this.contextRunner
			.withConfiguration(AutoConfigurations.of(HandlerResolverAutoConfiguration.class, WebFluxAutoConfiguration.class,
					HttpHandlerAutoConfiguration.class, CodecsAutoConfiguration.class,
					ErrorWebFluxAutoConfiguration.class))
			.withUserConfiguration(StackConfiguration.class)
			.withPropertyValues("async-middleware.security.hsts-seconds=31536000",
					"async-middleware.security.hsts-include-subdomains=true",
					"async-middleware.security.proxy-ssl-header.name=X-Forwarded-Proto",
					"async-middleware.security.referrer-policy=strict-origin, origin")
			.run((context) -> {
				WebTestClient client = WebTestClient.bindToApplicationContext(context).build();
				client.get()
					.uri("/hello/")
					.header("X-Forwarded-Proto", "https")
					.exchange()
					.expectStatus()
					.isOk()
					.expectHeader()
					.valueEquals("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
					.expectHeader()
					.valueEquals("Referrer-Policy", "strict-origin,origin");
				client.get()
					.uri("/broken/")
					.header("X-Forwarded-Proto", "https")
					.exchange()
					.expectStatus()
					.isEqualTo(HttpStatus.I_AM_A_TEAPOT)
					.expectHeader()
					.valueEquals("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
					.expectHeader()
					.valueEquals("X-Content-Type-Options", "nosniff")
					.expectHeader()
					.valueEquals("Cross-Origin-Opener-Policy", "same-origin");
				client.get().uri("/hello/").exchange().expectHeader().doesNotExist("Strict-Transport-Security");
			});
	}

	/** Stands in for the stack assembler: puts the entry into the chain. */
	@Configuration(proxyBeanMethods = false)
	static class StackConfiguration {

		@Bean
		WebFilter securityEntry(BuiltInMiddleware security) {
			return security.filterFactory().get();
		}

		@Bean
		Views views() {
			return new Views();
		}

	}

	@RestController
	static class Views {

		@GetMapping("/hello/")
		Mono<String> hello() {
			return Mono.just("hello");
		}

		@GetMapping("/broken/")
		Mono<String> broken() {
			return Mono.error(new ResponseStatusException(HttpStatus.I_AM_A_TEAPOT));
		}

	}

}
