package io.asyncmiddleware.autoconfigure.handler;

import io.asyncmiddleware.handler.DefaultHandlerResolver;
import io.asyncmiddleware.handler.HandlerResolver;
import io.asyncmiddleware.handler.RequireHttpMethods;
import io.asyncmiddleware.handler.ViewPhaseHandlerMapping;
import io.asyncmiddleware.handler.ResolvedHandler;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

class HandlerResolverAutoConfigurationTests {

	private final ReactiveWebApplicationContextRunner contextRunner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HandlerResolverAutoConfiguration.class, WebFluxAutoConfiguration.class,
				HttpHandlerAutoConfiguration.class, CodecsAutoConfiguration.class));

	@Test
	@DisplayName("a reactive web application gets the resolver and the view position")
	void reactiveWebApplication() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(DefaultHandlerResolver.class)
			.hasSingleBean(ViewPhaseHandlerMapping.class));
	}

	@Test
	@DisplayName("the auto-configured resolver asks the DispatcherHandler's mappings; @RequireHttpMethods gives 405 + Allow")
	void resolvesThroughDispatcherMappings() {
		this.contextRunner.withUserConfiguration(MethodsController.class).run((context) -> {
			WebTestClient client = WebTestClient.bindToApplicationContext(context).build();
			client.get().uri("/methods/").exchange().expectStatus().isOk();
			client.post()
				.uri("/methods/")
				.exchange()
				.expectStatus()
				.isEqualTo(HttpStatus.METHOD_NOT_ALLOWED)
				.expectHeader()
				.valueEquals(HttpHeaders.ALLOW, "GET");
		});
	}

	@Test
	@DisplayName("a HandlerResolver of the application's own replaces the default")
	void backsOffForUserResolver() {
		this.contextRunner.withUserConfiguration(UserResolverConfiguration.class)
			.run((context) -> assertThat(context).hasSingleBean(HandlerResolver.class)
				.doesNotHaveBean(DefaultHandlerResolver.class)
				.hasSingleBean(ViewPhaseHandlerMapping.class));
	}

	@Test
	@DisplayName("not a reactive web application: nothing")
	void notReactive() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(HandlerResolverAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(HandlerResolver.class)
				.doesNotHaveBean(ViewPhaseHandlerMapping.class));
	}

	@RestController
	static class MethodsController {

		@RequireHttpMethods("GET")
		@RequestMapping("/methods/")
		Mono<String> methods() {
			return Mono.just("get only");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserResolverConfiguration {

		@Bean
		HandlerResolver customResolver() {
			return new HandlerResolver() {

				@Override
				public Mono<ResolvedHandler> resolve(ServerWebExchange exchange) {
					return Mono.just(ResolvedHandler.NONE);
				}

				@Override
				public Mono<Boolean> isRoutable(ServerWebExchange exchange, String path) {
					return Mono.just(false);
				}

			};
		}

	}

}
