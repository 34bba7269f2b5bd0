package io.asyncmiddleware.handler;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.DispatcherHandler;
import org.springframework.web.server.WebFilter;

/**
 * Tests for {@link ViewPhaseHandlerMapping}: {@code @RequireHttpMethods} and the 405 of a
 * path that routes only with other methods, where dispatch resolves the handler.
 */
class ViewPhaseHandlerMappingTests {

	private AnnotationConfigApplicationContext context;

	private WebTestClient client;

	@BeforeEach
	void start() {
		this.context = HandlerFixtures.context(ViewPhaseConfiguration.class);
		this.client = WebTestClient.bindToApplicationContext(this.context).build();
	}

	@AfterEach
	void stop() {
		this.context.close();
	}

	@Test
	@DisplayName("@RequireHttpMethods(\"GET\") on a controller method returning Mono: GET runs the handler")
	void allowedMethodReachesMonoHandler() {
		this.client.get().uri("/methods/").exchange().expectStatus().isOk().expectBody(String.class).isEqualTo("get only");
	}

	@Test
	@DisplayName("@RequireHttpMethods(\"GET\") on a controller method returning Mono: POST gets 405 with Allow: GET")
	void otherMethodOnMonoHandlerIs405() {
		notAllowed(this.client.post().uri("/methods/"), "GET")
			.expectBody()
			.isEmpty();
	}

	@Test
	@DisplayName("HEAD is not GET: like Django's require_http_methods([\"GET\"]), HEAD gets 405")
	void headIsNotGet() {
		this.client.head().uri("/methods/").exchange().expectStatus().isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
	}

	@Test
	@DisplayName("@RequireHttpMethods({\"GET\", \"POST\"}) on a Flux handler: POST runs, PUT gets 405 with Allow: GET, POST")
	void fluxHandler() {
		this.client.post().uri("/stream/").exchange().expectStatus().isOk().expectBody(String.class).isEqualTo("ab");
		notAllowed(this.client.put().uri("/stream/"), "GET, POST");
	}

	@Test
	@DisplayName("class-level @RequireHttpMethods(\"GET\"): DELETE gets 405")
	void classLevelAnnotation() {
		notAllowed(this.client.delete().uri("/frame/exempt/"), "GET");
	}

	@Test
	@DisplayName("functional route annotated with requireHttpMethods(\"GET\"): GET 200, POST 405 with Allow: GET")
	void functionalRoute() {
		this.client.get().uri("/fn/methods/").exchange().expectStatus().isOk().expectBody(String.class).isEqualTo("get only");
		notAllowed(this.client.post().uri("/fn/methods/"), "GET");
	}

	@Test
	@DisplayName("handlers without the annotation and unknown paths are left alone")
	void unannotatedUntouched() {
		this.client.post().uri("/api/exempt/").exchange().expectStatus().isOk();
		this.client.get().uri("/nowhere/").exchange().expectStatus().isNotFound();
	}

	@Test
	@DisplayName("a path that routes only with other methods: 405 with Allow (WebFlux's own 405 has none)")
	void pathRoutingWithOtherMethods() {
		notAllowed(this.client.delete().uri("/api/exempt/"), "POST");
	}

	@Test
	@DisplayName("a refusal an entry deferred is written before any lookup, also for a path nothing maps")
	void deferredRefusalFirst() {
		this.client.get()
			.uri("/nowhere/")
			.header("X-Refuse", "yes")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody(String.class)
			.isEqualTo("refused at view level");
		this.client.get().uri("/methods/").header("X-Refuse", "yes").exchange().expectStatus().isForbidden();
	}

	// the view position's 405: the status and the methods the handler allows
	private static WebTestClient.ResponseSpec notAllowed(WebTestClient.RequestHeadersSpec<?> request, String allow) {
		return request.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.METHOD_NOT_ALLOWED)
			.expectHeader()
			.valueEquals(HttpHeaders.ALLOW, allow);
	}

	@Configuration(proxyBeanMethods = false)
	static class ViewPhaseConfiguration {

		@Bean
		ViewPhaseHandlerMapping viewPhaseHandlerMapping(DispatcherHandler webHandler) {
			return new ViewPhaseHandlerMapping(webHandler::getHandlerMappings);
		}

		// an entry that refuses at view level, as csrf does, with the view phase marked as the
		// composed stack marks it
		@Bean
		WebFilter refusingEntry() {
			return (exchange, chain) -> {
				if (!exchange.getRequest().getHeaders().containsHeader("X-Refuse")) {
					return chain.filter(exchange);
				}
				ViewPhase.AVAILABLE.set(exchange, Boolean.TRUE);
				return ViewPhase.refuse(exchange, chain, (refused) -> {
					refused.getResponse().setStatusCode(HttpStatus.FORBIDDEN);
					return refused.getResponse()
						.writeWith(Mono.just(refused.getResponse().bufferFactory().wrap("refused at view level".getBytes())));
				});
			};
		}

	}

}
