package io.asyncmiddleware.middleware.clickjacking;

import java.net.URI;
import java.util.List;

import io.asyncmiddleware.handler.DefaultHandlerResolver;
import io.asyncmiddleware.handler.HandlerFixtures;
import io.asyncmiddleware.handler.HandlerAnnotations;
import io.asyncmiddleware.handler.HandlerResolver;
import io.asyncmiddleware.handler.ResolvedHandler;
import io.asyncmiddleware.handler.XFrameOptionsExempt;
import io.asyncmiddleware.middleware.security.RequestSecurity;
import io.asyncmiddleware.middleware.security.SecurityWebFilter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.function.server.support.RouterFunctionMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class XFrameOptionsWebFilterTests {

	private static final String XFO = "X-Frame-Options";

	private static final RouterFunction<ServerResponse> ROUTES = HandlerFixtures.functionalRoutes(true);

	@Test
	@DisplayName("XF-01: setting SAMEORIGIN or sameorigin sends SAMEORIGIN")
	void sameOriginSetting() {
		assertThat(XFrameOptionsWebFilter.mode("SAMEORIGIN")).isEqualTo(Mode.SAMEORIGIN);
		client(XFrameOptionsWebFilter.mode("sameorigin")).get()
			.uri("/fn/hello/")
			.exchange()
			.expectHeader()
			.valueEquals(XFO, "SAMEORIGIN");
	}

	@Test
	@DisplayName("XF-01: setting DENY or deny sends DENY")
	void denySetting() {
		assertThat(XFrameOptionsWebFilter.mode("DENY")).isEqualTo(Mode.DENY);
		client(XFrameOptionsWebFilter.mode("deny")).get()
			.uri("/fn/hello/")
			.exchange()
			.expectHeader()
			.valueEquals(XFO, "DENY");
	}

	@Test
	@DisplayName("XF-01: a value other than DENY or SAMEORIGIN is refused, naming the valid ones")
	void invalidSetting() {
		assertThatIllegalArgumentException().isThrownBy(() -> XFrameOptionsWebFilter.mode("ALLOW-FROM https://a.example"))
			.withMessageContaining("DENY, SAMEORIGIN");
		assertThatIllegalArgumentException().isThrownBy(() -> XFrameOptionsWebFilter.mode(""));
	}

	@Test
	@DisplayName("XF-03: a header set by the handler (SAMEORIGIN) is kept although the setting is DENY")
	void handlerHeaderKeptOverDeny() {
		client(Mode.DENY).get().uri("/fn/frame/own/").exchange().expectHeader().valueEquals(XFO, "SAMEORIGIN");
	}

	@Test
	@DisplayName("XF-03: a header set by the handler (DENY) is kept although the setting is SAMEORIGIN")
	void handlerHeaderKeptOverSameOrigin() {
		RouterFunction<ServerResponse> routes = RouterFunctions.route()
			.GET("/own/", (request) -> ServerResponse.ok().header(XFO, "DENY").bodyValue("own"))
			.build();
		WebTestClient.bindToRouterFunction(routes)
			.webFilter(new XFrameOptionsWebFilter(Mode.SAMEORIGIN, resolver(routes)))
			.build()
			.get()
			.uri("/own/")
			.exchange()
			.expectHeader()
			.valueEquals(XFO, "DENY");
	}

	@Test
	@DisplayName("XF-04: an exempt functional route gets no header; a route that is not exempt does")
	void exemptRoute() {
		WebTestClient client = client(Mode.DENY);
		client.get().uri("/fn/frame/exempt/").exchange().expectStatus().isOk().expectHeader().doesNotExist(XFO);
		client.get().uri("/fn/hello/").exchange().expectHeader().valueEquals(XFO, "DENY");
	}

	@Test
	@DisplayName("XF-04/XF-06: a resolver that answers only through its Mono (not at once) decides the same")
	void resolverAnsweringLater() {
		HandlerResolver immediate = resolver(ROUTES);
		// hide(): no longer a value to read at once, as a resolver with asynchronous work is
		HandlerResolver later = new HandlerResolver() {

			@Override
			public Mono<ResolvedHandler> resolve(ServerWebExchange exchange) {
				return immediate.resolve(exchange).hide();
			}

			@Override
			public Mono<Boolean> isRoutable(ServerWebExchange exchange, String path) {
				return immediate.isRoutable(exchange, path);
			}

		};
		WebTestClient client = WebTestClient.bindToRouterFunction(ROUTES)
			.webFilter(new XFrameOptionsWebFilter(Mode.SAMEORIGIN, later))
			.build();
		client.get().uri("/fn/frame/exempt/").exchange().expectStatus().isOk().expectHeader().doesNotExist(XFO);
		client.get().uri("/fn/frame/deny/").exchange().expectHeader().valueEquals(XFO, "DENY");
		client.get().uri("/fn/hello/").exchange().expectHeader().valueEquals(XFO, "SAMEORIGIN");
	}

	@Test
	@DisplayName("XF-06: functional routes annotated XFrameOptionsSameOrigin / XFrameOptionsDeny send their value")
	void annotatedRoutes() {
		WebTestClient client = client(Mode.SAMEORIGIN);
		client.get().uri("/fn/frame/deny/").exchange().expectHeader().valueEquals(XFO, "DENY");
		client.get().uri("/fn/frame/sameorigin/").exchange().expectHeader().valueEquals(XFO, "SAMEORIGIN");
		client(Mode.DENY).get().uri("/fn/frame/sameorigin/").exchange().expectHeader().valueEquals(XFO, "SAMEORIGIN");
	}

	@Test
	@DisplayName("XF-04/XF-06: controller methods returning Mono: class-level exempt, method-level deny and sameorigin")
	void annotatedControllers() {
		try (AnnotationConfigApplicationContext context = HandlerFixtures.context(SameOriginFilterConfiguration.class)) {
			WebTestClient client = WebTestClient.bindToApplicationContext(context).build();
			client.get().uri("/frame/exempt/").exchange().expectStatus().isOk().expectHeader().doesNotExist(XFO);
			client.get().uri("/frame/deny/").exchange().expectHeader().valueEquals(XFO, "DENY");
			client.get().uri("/hello/").exchange().expectHeader().valueEquals(XFO, "SAMEORIGIN");
		}
		try (AnnotationConfigApplicationContext context = HandlerFixtures.context(DenyFilterConfiguration.class)) {
			WebTestClient.bindToApplicationContext(context)
				.build()
				.get()
				.uri("/frame/sameorigin/")
				.exchange()
				.expectHeader()
				.valueEquals(XFO, "SAMEORIGIN");
		}
	}

	@Test
	@DisplayName("an error page from an inner layer (403 from the handler, 404 no route) gets the header")
	void errorPagesGetHeader() {
		WebTestClient client = client(Mode.DENY);
		client.get().uri("/fn/forbidden/").exchange().expectStatus().isForbidden().expectHeader().valueEquals(XFO, "DENY");
		client.get().uri("/fn/nowhere/").exchange().expectStatus().isNotFound().expectHeader().valueEquals(XFO, "DENY");
	}

	@Test
	@DisplayName("XF-04: an exempt handler's error page gets the setting's value (the decorator marks only the view's response)")
	void exemptHandlerErrorGetsHeader() {
		RouterFunction<ServerResponse> routes = HandlerAnnotations.annotate(RouterFunctions.route()
			.GET("/exempt/", (request) -> Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND)))
			.build(), XFrameOptionsExempt.class);
		WebTestClient.bindToRouterFunction(routes)
			.webFilter(new XFrameOptionsWebFilter(Mode.SAMEORIGIN, resolver(routes)))
			.build()
			.get()
			.uri("/exempt/")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.valueEquals(XFO, "SAMEORIGIN");
	}

	@Test
	@DisplayName("an outer entry that replaces a 404 with a fresh 301 (APPEND_SLASH) sends no X-Frame-Options; security still applies")
	void replacedErrorResponseHasNoHeader() {
		WebFilter appendSlash = (exchange, chain) -> chain.filter(exchange)
			.onErrorResume(ResponseStatusException.class, (ex) -> {
				ServerHttpResponse response = exchange.getResponse();
				response.getHeaders().clear();
				response.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
				response.getHeaders().setLocation(URI.create(exchange.getRequest().getPath().value() + "/"));
				return response.setComplete();
			});
		WebTestClient.bindToRouterFunction(ROUTES)
			.webFilter(new SecurityWebFilter(RequestSecurity.schemeOnly()), appendSlash,
					new XFrameOptionsWebFilter(Mode.DENY, resolver(ROUTES)))
			.build()
			.get()
			.uri("/fn/hello")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.MOVED_PERMANENTLY)
			.expectHeader()
			.valueEquals(HttpHeaders.LOCATION, "/fn/hello/")
			.expectHeader()
			.doesNotExist(XFO)
			.expectHeader()
			.valueEquals("X-Content-Type-Options", "nosniff");
	}

	private static WebTestClient client(Mode mode) {
		return WebTestClient.bindToRouterFunction(ROUTES)
			.webFilter(new XFrameOptionsWebFilter(mode, resolver(ROUTES)))
			.build();
	}

	private static HandlerResolver resolver(RouterFunction<?> routes) {
		return new DefaultHandlerResolver(List.of(new RouterFunctionMapping(routes)));
	}

	@Configuration(proxyBeanMethods = false)
	static class SameOriginFilterConfiguration {

		@Bean
		WebFilter xFrameOptionsWebFilter(HandlerResolver handlerResolver) {
			return new XFrameOptionsWebFilter(Mode.SAMEORIGIN, handlerResolver);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class DenyFilterConfiguration {

		@Bean
		WebFilter xFrameOptionsWebFilter(HandlerResolver handlerResolver) {
			return new XFrameOptionsWebFilter(Mode.DENY, handlerResolver);
		}

	}

}
