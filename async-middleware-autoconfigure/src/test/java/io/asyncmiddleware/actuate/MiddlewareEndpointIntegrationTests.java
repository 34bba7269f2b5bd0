package io.asyncmiddleware.actuate;

import java.time.Duration;

import io.asyncmiddleware.EnableAutoConfigurationWithoutRedisOrSpringSecurity;
import io.asyncmiddleware.detection.Blocking;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The stack and {@code /actuator/middleware} over HTTP, on a real server.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "async-middleware.stack=second,first,legacy", "async-middleware.order=0",
				"async-middleware.filters.legacy.mode=isolate", "management.endpoints.web.exposure.include=middleware" })
@AutoConfigureWebTestClient
class MiddlewareEndpointIntegrationTests {

	@Autowired
	private WebTestClient client;

	@Test
	void runsTheStackInTheDeclaredOrder() {
		this.client.get()
			.uri("/hello")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valuesMatch("X-Trace", "early", "second", "first", "legacy")
			.expectBody(String.class)
			.isEqualTo("hello");
	}

	@Test
	void endpointShowsTheChainWithVerdictsModesAndFigures() {
		this.client.get().uri("/hello").exchange().expectStatus().isOk();
		this.client.get()
			.uri("/actuator/middleware")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.mode")
			.isEqualTo("fail")
			.jsonPath("$.stack")
			.isEqualTo(java.util.List.of("second", "first", "legacy"))
			.jsonPath("$.entries[?(@.name == 'early')].placement")
			.isEqualTo(java.util.List.of("outside-stack"))
			.jsonPath("$.entries[?(@.name == 'second')].placement")
			.isEqualTo(java.util.List.of("stack"))
			.jsonPath("$.entries[?(@.name == 'legacy')].verdict.kind")
			.isEqualTo(java.util.List.of("blocking"))
			.jsonPath("$.entries[?(@.name == 'legacy')].verdict.source")
			.isEqualTo(java.util.List.of("declared"))
			.jsonPath("$.entries[?(@.name == 'legacy')].verdict.certainty")
			.isEqualTo(java.util.List.of("high"))
			.jsonPath("$.entries[?(@.name == 'legacy')].verdict.doubts[*]")
			.isEmpty()
			.jsonPath("$.entries[?(@.name == 'legacy')].mode.configured")
			.isEqualTo(java.util.List.of("isolate"))
			.jsonPath("$.entries[?(@.name == 'legacy')].mode.applied")
			.isEqualTo(java.util.List.of("isolate"))
			.jsonPath("$.entries[?(@.name == 'first')].mode.applied")
			.isEqualTo(java.util.List.of("direct"))
			.jsonPath("$.entries[?(@.name == 'first')].verdict.kind")
			.isEqualTo(java.util.List.of("non-blocking"))
			.jsonPath("$.entries[?(@.name == 'first')].className")
			.isEqualTo(java.util.List.of(Tracing.class.getName()));
		// a request's figures are folded when its Mono completes on the server, which may
		// be just after the client has read the response
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> this.client.get()
				.uri("/actuator/middleware")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.entries[?(@.name == 'legacy')].figures.workerHops")
				.value((hops) -> assertThat(hops.toString()).doesNotContain("[0]"))
				.jsonPath("$.entries[?(@.name == 'first')].figures.requests")
				.value((requests) -> assertThat(requests.toString()).doesNotContain("[0]")));
	}

	@SpringBootConfiguration
	@EnableAutoConfigurationWithoutRedisOrSpringSecurity
	static class App {

		@Bean
		RouterFunction<ServerResponse> routes() {
			return RouterFunctions.route().GET("/hello", (request) -> ServerResponse.ok().bodyValue("hello")).build();
		}

		@Bean
		@Order(10)
		Tracing first() {
			return new Tracing("first");
		}

		@Bean
		@Order(5)
		Tracing second() {
			return new Tracing("second");
		}

		@Bean
		@Order(-500)
		Tracing early() {
			return new Tracing("early");
		}

		@Bean
		LegacyFilter legacy() {
			return new LegacyFilter();
		}

	}

	static class Tracing implements WebFilter {

		private final String name;

		Tracing(String name) {
			this.name = name;
		}

		@Override
		public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
			exchange.getResponse().getHeaders().add("X-Trace", this.name);
			return chain.filter(exchange);
		}

	}

	@Blocking("stands in for a filter that writes an audit row over JDBC")
	static class LegacyFilter implements WebFilter {

		@Override
		public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
			exchange.getResponse().getHeaders().add("X-Trace", "legacy");
			return chain.filter(exchange);
		}

	}

}
