package io.asyncmiddleware.handler;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.support.RouterFunctionMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;

import static org.assertj.core.api.Assertions.assertThat;

class DefaultHandlerResolverTests {

	private AnnotationConfigApplicationContext context;

	private DefaultHandlerResolver resolver;

	@BeforeEach
	void start() {
		this.context = HandlerFixtures.context(ResolvingFilterConfiguration.class);
		this.resolver = this.context.getBean(DefaultHandlerResolver.class);
	}

	@AfterEach
	void stop() {
		this.context.close();
	}

	@Test
	@DisplayName("annotated controller method: the handler method and its annotation")
	void resolvesControllerMethodAnnotation() {
		ResolvedHandler handler = resolve(MockServerHttpRequest.post("/api/exempt/"));
		assertThat(handler.isFound()).isTrue();
		assertThat(handler.getHandler()).isInstanceOf(HandlerMethod.class);
		assertThat(handler.hasAnnotation(CsrfExempt.class)).isTrue();
		assertThat(handler.hasAnnotation(XFrameOptionsExempt.class)).isFalse();
	}

	@Test
	@DisplayName("a composed annotation meta-annotated with @CsrfExempt counts")
	void resolvesMetaAnnotation() {
		assertThat(resolve(MockServerHttpRequest.post("/api/public/")).hasAnnotation(CsrfExempt.class)).isTrue();
	}

	@Test
	@DisplayName("class-level annotations apply to every method; a method-level X-Frame-Options annotation hides the class's")
	void classAnnotationsAndMethodPrecedence() {
		ResolvedHandler exempt = resolve(MockServerHttpRequest.get("/frame/exempt/"));
		assertThat(exempt.hasAnnotation(XFrameOptionsExempt.class)).isTrue();
		assertThat(exempt.getAnnotation(RequireHttpMethods.class).value()).containsExactly("GET");
		ResolvedHandler deny = resolve(MockServerHttpRequest.get("/frame/deny/"));
		assertThat(deny.hasAnnotation(XFrameOptionsDeny.class)).isTrue();
		assertThat(deny.hasAnnotation(XFrameOptionsExempt.class)).isFalse();
	}

	@Test
	@DisplayName("functional route annotated through HandlerAnnotations, behind a router filter")
	void resolvesFunctionalRouteAnnotation() {
		ResolvedHandler handler = resolve(MockServerHttpRequest.post("/fn/exempt/"));
		assertThat(handler.getHandler()).isInstanceOf(HandlerFunction.class);
		assertThat(handler.hasAnnotation(CsrfExempt.class)).isTrue();
		assertThat(resolve(MockServerHttpRequest.get("/fn/hello/")).hasAnnotation(CsrfExempt.class)).isFalse();
	}

	@Test
	@DisplayName("functional route with attributes: requireHttpMethods(\"GET\") carries its value")
	void resolvesFunctionalRouteAnnotationValues() {
		RequireHttpMethods required = resolve(MockServerHttpRequest.put("/fn/methods/"))
			.getAnnotation(RequireHttpMethods.class);
		assertThat(required).isNotNull();
		assertThat(required.value()).containsExactly("GET");
	}

	@Test
	@DisplayName("nested HandlerAnnotations wrappers combine; the inner one wins for the X-Frame-Options group")
	void nestedWrappersCombine() {
		ResolvedHandler handler = resolve(MockServerHttpRequest.get("/fn/nested/"));
		assertThat(handler.hasAnnotation(CsrfExempt.class)).isTrue();
		assertThat(handler.hasAnnotation(XFrameOptionsDeny.class)).isTrue();
	}

	@Test
	@DisplayName("a handler object's class annotation is read when no filter wraps it")
	void resolvesHandlerClassAnnotation() {
		RouterFunctionMapping mapping = new RouterFunctionMapping(HandlerFixtures.functionalRoutes(false));
		DefaultHandlerResolver unfiltered = new DefaultHandlerResolver(List.of(mapping));
		ResolvedHandler handler = unfiltered
			.resolve(MockServerWebExchange.from(MockServerHttpRequest.get("/fn/class-annotated/")))
			.block();
		assertThat(handler.hasAnnotation(CsrfExempt.class)).isTrue();
	}

	@Test
	@DisplayName("a mapping that answers later (asynchronous lookup) is waited for, after the mappings before it")
	void mappingAnsweringLater() {
		HandlerMapping nothing = (exchange) -> Mono.empty();
		HandlerMapping later = (exchange) -> Mono.delay(Duration.ofMillis(20)).thenReturn("later handler");
		DefaultHandlerResolver resolver = new DefaultHandlerResolver(List.of(nothing, later));
		ResolvedHandler handler = resolver.resolve(MockServerWebExchange.from(MockServerHttpRequest.get("/x/")))
			.block(Duration.ofSeconds(5));
		assertThat(handler.getHandler()).isEqualTo("later handler");
	}

	@Test
	@DisplayName("no handler matches: NONE")
	void noMatchIsNone() {
		ResolvedHandler handler = resolve(MockServerHttpRequest.get("/nowhere/"));
		assertThat(handler).isSameAs(ResolvedHandler.NONE);
		assertThat(handler.isFound()).isFalse();
	}

	@Test
	@DisplayName("a path that matches only for another method is a view that refuses the method, not an error")
	void wrongMethodIsMethodNotAllowed() {
		ResolvedHandler handler = resolve(MockServerHttpRequest.delete("/hello/"));
		assertThat(handler.isFound()).isFalse();
		assertThat(handler.getHandler()).isNull();
		assertThat(handler.isMethodNotAllowed()).isTrue();
		assertThat(handler.isView()).isTrue();
		assertThat(handler.getAllowedMethods()).contains("GET").doesNotContain("DELETE");
		assertThat(ResolvedHandler.NONE.isView()).isFalse();
	}

	@Test
	@DisplayName("the result is cached on the exchange and recomputed when the request changes")
	void cachesPerRequest() {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/hello/"));
		ResolvedHandler first = this.resolver.resolve(exchange).block();
		assertThat(this.resolver.resolve(exchange).block()).isSameAs(first);
		ServerWebExchange mutated = exchange.mutate().request((r) -> r.path("/fn/hello/")).build();
		assertThat(this.resolver.resolve(mutated).block().getHandler()).isInstanceOf(HandlerFunction.class);
	}

	@Test
	@DisplayName("isRoutable: true for a path with a handler (controller or route), false otherwise")
	void isRoutable() {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/hello"));
		assertThat(this.resolver.isRoutable(exchange, "/hello/").block()).isTrue();
		assertThat(this.resolver.isRoutable(exchange, "/fn/hello/").block()).isTrue();
		assertThat(this.resolver.isRoutable(exchange, "/hello//").block()).isFalse();
		assertThat(this.resolver.isRoutable(exchange, "/nowhere/").block()).isFalse();
		assertThat(this.resolver.isRoutable(exchange, "no-leading-slash").block()).isFalse();
	}

	@Test
	@DisplayName("isRoutable: a path that exists for other methods is routable (Django resolves by path)")
	void isRoutableIgnoresMethod() {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.delete("/hello"));
		assertThat(this.resolver.isRoutable(exchange, "/hello/").block()).isTrue();
	}

	@Test
	@DisplayName("resolving leaves no mapping attributes, headers or status on the exchange")
	void noSideEffectsOnExchange() {
		MockServerWebExchange exchange = MockServerWebExchange
			.from(MockServerHttpRequest.get("/users/42/").header(HttpHeaders.ORIGIN, "https://evil.example"));
		this.resolver.resolve(exchange).block();
		this.resolver.isRoutable(exchange, "/cors/").block();
		assertThat(exchange.getAttributes()).doesNotContainKeys(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE,
				HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE,
				HandlerAnnotations.ATTRIBUTE);
		assertThat(exchange.getResponse().getHeaders().isEmpty()).isTrue();
		assertThat(exchange.getResponse().getStatusCode()).isNull();
	}

	@Test
	@DisplayName("a rejected CORS request resolved early leaves the response untouched; the real dispatch rejects it")
	void corsRejectionHasNoSideEffect() {
		MockServerWebExchange exchange = MockServerWebExchange
			.from(MockServerHttpRequest.get("/cors/").header(HttpHeaders.ORIGIN, "https://evil.example"));
		this.resolver.resolve(exchange).block();
		assertThat(exchange.getResponse().getStatusCode()).isNull();
		client().get()
			.uri("http://localhost/cors/")
			.header(HttpHeaders.ORIGIN, "https://evil.example")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.valueEquals("X-Resolved", "true");
	}

	@Test
	@DisplayName("resolving before dispatch does not change it: path variables, CORS pre-flight, functional routes")
	void dispatchUnchangedAfterResolving() {
		WebTestClient client = client();
		client.get().uri("/users/42/").exchange().expectStatus().isOk().expectBody(String.class).isEqualTo("42")
			.consumeWith((result) -> assertThat(result.getResponseHeaders().getFirst("X-Resolved")).isEqualTo("true"));
		client.options()
			.uri("http://localhost/cors/")
			.header(HttpHeaders.ORIGIN, "https://trusted.example")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://trusted.example");
		client.get()
			.uri("http://localhost/cors/")
			.header(HttpHeaders.ORIGIN, "https://trusted.example")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://trusted.example");
		client.post().uri("/fn/exempt/").exchange().expectStatus().isOk().expectBody(String.class).isEqualTo("ok");
	}

	private WebTestClient client() {
		return WebTestClient.bindToApplicationContext(this.context).build();
	}

	private ResolvedHandler resolve(MockServerHttpRequest.BaseBuilder<?> request) {
		return this.resolver.resolve(MockServerWebExchange.from(request)).block();
	}

	/** Resolves every request before it is dispatched, as a stack entry would. */
	@Configuration(proxyBeanMethods = false)
	static class ResolvingFilterConfiguration {

		@Bean
		WebFilter resolvingFilter(DefaultHandlerResolver resolver) {
			return (exchange, chain) -> resolver.resolve(exchange).flatMap((handler) -> {
				exchange.getResponse().getHeaders().set("X-Resolved", String.valueOf(handler.isFound()));
				return chain.filter(exchange);
			});
		}

	}

}
