package io.asyncmiddleware.middleware.common;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import io.asyncmiddleware.handler.DefaultHandlerResolver;
import io.asyncmiddleware.handler.HandlerAnnotations;
import io.asyncmiddleware.handler.HandlerResolver;
import io.asyncmiddleware.handler.NoAppendSlash;
import io.asyncmiddleware.middleware.AllowedHosts;
import io.asyncmiddleware.middleware.clickjacking.XFrameOptionsWebFilter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.DispatcherHandler;
import org.springframework.web.reactive.config.EnableWebFlux;
import org.springframework.web.reactive.config.ResourceHandlerRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.function.server.support.RouterFunctionMapping;
import org.springframework.web.server.WebFilter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

class CommonWebFilterTests {

	private static final HandlerFunction<ServerResponse> OK = (request) -> ServerResponse.ok().bodyValue("ok");

	private static final RouterFunction<ServerResponse> ROUTES = route().GET("/slash/", OK)
		.GET("/noslash", OK)
		.GET("/needsquoting#/", OK)
		.GET("/missing/", (request) -> ServerResponse.notFound().build())
		.GET("/missing-with-body/", (request) -> ServerResponse.status(HttpStatus.NOT_FOUND).bodyValue("gone"))
		.GET("/stream/", (request) -> ServerResponse.ok().body(Flux.just("a", "b"), String.class))
		.route((request) -> request.path().endsWith("/security/"), OK)
		.add(HandlerAnnotations.annotate(route().GET("/sensitive_fbv/", OK).build(), NoAppendSlash.class))
		.build();

	private static final HttpStatus MOVED = HttpStatus.MOVED_PERMANENTLY;

	@Test
	@DisplayName("COM-01: /slash/ (exists) is left alone")
	void slashedPathServed() {
		client().get().uri("/slash/").exchange().expectStatus().isOk().expectHeader().doesNotExist(HttpHeaders.LOCATION);
	}

	@Test
	@DisplayName("COM-02: /noslash (a route without a slash) is served, no redirect")
	void routeWithoutSlashServed() {
		client().get().uri("/noslash").exchange().expectStatus().isOk().expectBody(String.class).isEqualTo("ok");
	}

	@Test
	@DisplayName("COM-03: /unknown (neither form routes) stays a 404 without Location")
	void unknownStays404() {
		client().get()
			.uri("/unknown")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.doesNotExist(HttpHeaders.LOCATION);
	}

	@Test
	@DisplayName("COM-04: /slash gets 301 with the relative Location /slash/")
	void appendsSlash() {
		client().get().uri("/slash").exchange().expectStatus().isEqualTo(MOVED).expectHeader()
			.valueEquals(HttpHeaders.LOCATION, "/slash/");
	}

	@Test
	@DisplayName("COM-04: HEAD /slash is redirected the same way")
	void appendsSlashForHead() {
		client().head().uri("/slash").exchange().expectStatus().isEqualTo(MOVED).expectHeader()
			.valueEquals(HttpHeaders.LOCATION, "/slash/");
	}

	@Test
	@DisplayName("COM-05: the query is kept: /slash?test=1 -> /slash/?test=1")
	void keepsQuery() {
		client().get().uri("/slash?test=1").exchange().expectStatus().isEqualTo(MOVED).expectHeader()
			.valueEquals(HttpHeaders.LOCATION, "/slash/?test=1");
	}

	@Test
	@DisplayName("COM-06: a query ending in a slash does not count: /slash?test=slash/ -> /slash/?test=slash/")
	void queryEndingInSlash() {
		client().get().uri("/slash?test=slash/").exchange().expectStatus().isEqualTo(MOVED).expectHeader()
			.valueEquals(HttpHeaders.LOCATION, "/slash/?test=slash/");
	}

	@Test
	@DisplayName("COM-07: not applicable (no DEBUG mode); COM-23: POST and DELETE to /slash get the 301 as Django without DEBUG")
	void unsafeMethodsRedirected() {
		WebTestClient client = client();
		client.post().uri("/slash").exchange().expectStatus().isEqualTo(MOVED).expectHeader()
			.valueEquals(HttpHeaders.LOCATION, "/slash/");
		client.delete().uri("/slash").exchange().expectStatus().isEqualTo(MOVED).expectHeader()
			.valueEquals(HttpHeaders.LOCATION, "/slash/");
	}

	@Test
	@DisplayName("COM-08: append-slash off: /slash is a 404")
	void appendSlashOff() {
		client(filter(false, false, List.of(), List.of())).get().uri("/slash").exchange().expectStatus().isNotFound();
	}

	@Test
	@DisplayName("COM-09: a NoAppendSlash functional route: /sensitive_fbv stays a 404")
	void noAppendSlashRoute() {
		client().get().uri("/sensitive_fbv").exchange().expectStatus().isNotFound().expectHeader()
			.doesNotExist(HttpHeaders.LOCATION);
		client().get().uri("/sensitive_fbv/").exchange().expectStatus().isOk();
	}

	@Test
	@DisplayName("COM-10: a path needing quoting keeps its escape: /needsquoting%23 -> /needsquoting%23/")
	void pathNeedingQuoting() {
		client().get().uri(URI.create("/needsquoting%23")).exchange().expectStatus().isEqualTo(MOVED).expectHeader()
			.valueEquals(HttpHeaders.LOCATION, "/needsquoting%23/");
	}

	@Test
	@DisplayName("COM-11: //evil.com/security -> /%2Fevil.com/security/, never a scheme-relative URL")
	void leadingDoubleSlashEscaped() {
		client().get().uri(URI.create("http://localhost//evil.com/security")).exchange().expectStatus()
			.isEqualTo(MOVED).expectHeader().valueEquals(HttpHeaders.LOCATION, "/%2Fevil.com/security/");
	}

	@Test
	@DisplayName("COM-12: prepend-www without append-slash: /path/ -> http://www.testserver/path/")
	void prependWww() {
		client(filter(false, true, List.of(), List.of())).get().uri("http://testserver/path/?a=1")
			.header(HttpHeaders.HOST, "testserver").exchange().expectStatus().isEqualTo(MOVED).expectHeader()
			.valueEquals(HttpHeaders.LOCATION, "http://www.testserver/path/?a=1").expectHeader()
			.contentLength(0);
	}

	@Test
	@DisplayName("COM-12: a malformed Host gets 400, not a redirect to it, even when every host is allowed")
	void prependWwwRefusesMalformedHost() {
		client(filter(false, true, List.of(), List.of())).get().uri("http://testserver/path/")
			.header(HttpHeaders.HOST, "evil.test/x?").exchange().expectStatus().isBadRequest().expectHeader()
			.doesNotExist(HttpHeaders.LOCATION);
	}

	@Test
	@DisplayName("COM-12: a host already starting with www. is served")
	void wwwHostServed() {
		client(filter(false, true, List.of(), List.of())).get().uri("http://www.testserver/slash/")
			.header(HttpHeaders.HOST, "www.testserver").exchange().expectStatus().isOk();
	}

	@Test
	@DisplayName("COM-13: prepend-www + append-slash: /slash/ and /slash both go to http://www.testserver/slash/ in one hop")
	void prependWwwAndAppendSlash() {
		WebTestClient client = client(filter(true, true, List.of(), List.of()));
		client.get().uri("http://testserver/slash/").header(HttpHeaders.HOST, "testserver").exchange()
			.expectStatus().isEqualTo(MOVED).expectHeader()
			.valueEquals(HttpHeaders.LOCATION, "http://www.testserver/slash/");
		client.get().uri("http://testserver/slash").header(HttpHeaders.HOST, "testserver").exchange()
			.expectStatus().isEqualTo(MOVED).expectHeader()
			.valueEquals(HttpHeaders.LOCATION, "http://www.testserver/slash/");
	}

	@Test
	@DisplayName("COM-15: a single-buffer body written without Content-Length gets one equal to its byte length")
	void contentLengthAdded() {
		WebFilter writer = (exchange, chain) -> write(exchange.getResponse(), Mono.just("héllo"));
		client(filter(true, false, List.of(), List.of()), writer).get().uri("/slash/").exchange().expectHeader()
			.contentLength(6).expectBody(String.class).isEqualTo("héllo");
	}

	@Test
	@DisplayName("COM-15: an empty single body gets Content-Length: 0")
	void contentLengthZero() {
		WebFilter writer = (exchange, chain) -> exchange.getResponse().writeWith(Mono.empty());
		client(filter(true, false, List.of(), List.of()), writer).get().uri("/slash/").exchange().expectHeader()
			.contentLength(0);
	}

	@Test
	@DisplayName("COM-16: a streamed body gets no Content-Length")
	void streamingLeftAlone() {
		WebFilter writer = (exchange, chain) -> write(exchange.getResponse(), Flux.just("a", "b"));
		client(filter(true, false, List.of(), List.of()), writer).get().uri("/slash/").exchange().expectHeader()
			.doesNotExist(HttpHeaders.CONTENT_LENGTH).expectBody(String.class).isEqualTo("ab");
		client().get().uri("/stream/").exchange().expectHeader().doesNotExist(HttpHeaders.CONTENT_LENGTH);
	}

	@Test
	@DisplayName("COM-17: a Content-Length already set, even a wrong one, is kept")
	void existingContentLengthKept() {
		WebFilter writer = (exchange, chain) -> {
			exchange.getResponse().getHeaders().setContentLength(500);
			return write(exchange.getResponse(), Mono.just("short"));
		};
		client(filter(true, false, List.of(), List.of()), writer).get().uri("/slash/").exchange().expectHeader()
			.contentLength(500);
	}

	@Test
	@DisplayName("COM-18: a User-Agent a disallowed pattern finds gets 403 Forbidden (text/html)")
	void disallowedUserAgent() {
		WebTestClient client = client(filter(true, false, List.of(Pattern.compile("foo")), List.of()));
		client.get().uri("/slash/").header(HttpHeaders.USER_AGENT, "my foo agent").exchange().expectStatus()
			.isForbidden().expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML).expectBody(String.class)
			.isEqualTo("<h1>403 Forbidden</h1>");
		client.get().uri("/slash/").header(HttpHeaders.USER_AGENT, "Mozilla").exchange().expectStatus().isOk();
		client.get().uri("/slash/").exchange().expectStatus().isOk();
	}

	@Test
	@DisplayName("COM-19: a percent-encoded non-ASCII query (drink=café) -> 301 keeping it")
	void nonAsciiQueryEncoded() {
		client().get().uri(URI.create("/slash?drink=caf%C3%A9")).exchange().expectStatus().isEqualTo(MOVED)
			.expectHeader().valueEquals(HttpHeaders.LOCATION, "/slash/?drink=caf%C3%A9");
	}

	@Test
	@DisplayName("COM-19: a raw non-ASCII query (drink=café) -> 301 with the query percent-encoded, no crash")
	void nonAsciiQueryRaw() throws URISyntaxException {
		URI uri = new URI("http", null, "localhost", -1, "/slash", "drink=café", null);
		assertThat(uri.getRawQuery()).isEqualTo("drink=café");
		client().get().uri(uri).exchange().expectStatus().isEqualTo(MOVED).expectHeader()
			.valueEquals(HttpHeaders.LOCATION, "/slash/?drink=caf%C3%A9");
	}

	@Test
	@DisplayName("COM-21: the 301 replacing an error-signal 404 has no Content-Length, no X-Frame-Options, no inner cookie")
	void redirectReplacesErrorResponse() {
		WebFilter cookie = (exchange, chain) -> {
			exchange.getResponse().addCookie(ResponseCookie.from("inner", "1").build());
			return chain.filter(exchange);
		};
		client(filter(true, false, List.of(), List.of()), cookie, xFrameOptions()).get().uri("/slash").exchange()
			.expectStatus().isEqualTo(MOVED).expectHeader().valueEquals(HttpHeaders.LOCATION, "/slash/")
			.expectHeader().doesNotExist("X-Frame-Options").expectHeader()
			.doesNotExist(HttpHeaders.CONTENT_LENGTH).expectHeader().doesNotExist(HttpHeaders.SET_COOKIE);
		client(filter(true, false, List.of(), List.of()), xFrameOptions()).get().uri("/unknown").exchange()
			.expectStatus().isNotFound().expectHeader().valueEquals("X-Frame-Options", "DENY");
	}

	@Test
	@DisplayName("COM-21: a 404 response (empty or with a body) from an inner layer is replaced by a bare 301")
	void redirectReplacesNotFoundResponse() {
		WebFilter inner404 = (exchange, chain) -> {
			ServerHttpResponse response = exchange.getResponse();
			response.setStatusCode(HttpStatus.NOT_FOUND);
			response.getHeaders().set("X-Inner", "yes");
			return exchange.getRequest().getQueryParams().containsKey("body") ? write(response, Mono.just("gone"))
					: response.setComplete();
		};
		for (String uri : List.of("/slash", "/slash?body")) {
			client(filter(true, false, List.of(), List.of()), xFrameOptions(), inner404).get().uri(uri).exchange()
				.expectStatus().isEqualTo(MOVED).expectHeader().doesNotExist("X-Frame-Options").expectHeader()
				.doesNotExist("X-Inner").expectHeader().doesNotExist(HttpHeaders.CONTENT_LENGTH).expectBody()
				.isEmpty();
		}
	}

	@Test
	@DisplayName("COM-21: a header an outer layer set before calling in survives the replacement")
	void outerHeadersKept() {
		WebFilter outer = (exchange, chain) -> {
			exchange.getResponse().getHeaders().set("X-Outer", "kept");
			return chain.filter(exchange);
		};
		client(outer, filter(true, false, List.of(), List.of())).get().uri("/slash").exchange().expectStatus()
			.isEqualTo(MOVED).expectHeader().valueEquals("X-Outer", "kept");
	}

	@Test
	@DisplayName("a 404 from a handler whose path routes is not redirected (the slashless URL resolves)")
	void routedNotFoundKept() {
		WebTestClient client = client();
		client.get().uri("/missing/").exchange().expectStatus().isNotFound();
		client.get().uri("/missing-with-body/").exchange().expectStatus().isNotFound().expectBody(String.class)
			.isEqualTo("gone");
	}

	@Test
	@DisplayName("a response other than 404 is never redirected")
	void otherStatusNotRedirected() {
		WebFilter forbidden = (exchange, chain) -> {
			exchange.getResponse().setStatusCode(HttpStatus.FORBIDDEN);
			return exchange.getResponse().setComplete();
		};
		client(filter(true, false, List.of(), List.of()), forbidden).get().uri("/slash").exchange().expectStatus()
			.isForbidden();
	}

	@Test
	@DisplayName("COM-22: a Host not in allowed-hosts gets 400 Bad Request (400) as text/html")
	void disallowedHost() {
		WebTestClient client = client(filter(true, false, List.of(), List.of("testserver", ".example.com")));
		client.get().uri("http://evil.test/slash/").header(HttpHeaders.HOST, "evil.test").exchange().expectStatus()
			.isBadRequest().expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML).expectBody(String.class)
			.isEqualTo("Bad Request (400)");
		client.get().uri("http://testserver/slash/").header(HttpHeaders.HOST, "testserver:8080").exchange()
			.expectStatus().isOk();
		client.get().uri("http://a.example.com/slash/").header(HttpHeaders.HOST, "a.Example.com").exchange()
			.expectStatus().isOk();
	}

	@Test
	@DisplayName("COM-22: a malformed Host gets 400 when hosts are checked; '*' allows any valid host")
	void malformedHost() {
		client(filter(true, false, List.of(), List.of("*"))).get().uri("http://testserver/slash/")
			.header(HttpHeaders.HOST, "bad host!").exchange().expectStatus().isBadRequest();
		client(filter(true, false, List.of(), List.of("*"))).get().uri("http://anything/slash/")
			.header(HttpHeaders.HOST, "anything.test").exchange().expectStatus().isOk();
	}

	@Test
	@DisplayName("controllers: /hello gets 301 /hello/, a NoAppendSlash controller method stays a 404 (COM-04, COM-09, COM-21)")
	void controllers() {
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(ControllerApp.class)) {
			WebTestClient client = WebTestClient.bindToApplicationContext(context).build();
			client.get().uri("/hello?x=1").exchange().expectStatus().isEqualTo(MOVED).expectHeader()
				.valueEquals(HttpHeaders.LOCATION, "/hello/?x=1").expectHeader().doesNotExist("X-Frame-Options");
			client.get().uri("/sensitive_cbv").exchange().expectStatus().isNotFound().expectHeader()
				.valueEquals("X-Frame-Options", "DENY");
			client.get().uri("/hello/").exchange().expectStatus().isOk().expectHeader()
				.valueEquals(HttpHeaders.CONTENT_LENGTH, "5");
		}
	}

	@Test
	@DisplayName("static resources mapped to /** (Boot's default) are not views: /hello still gets 301 /hello/, a file is served, /unknown stays 404")
	void staticCatchAllIsNotAView() {
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(ControllerApp.class,
				StaticResources.class)) {
			WebTestClient client = WebTestClient.bindToApplicationContext(context).build();
			client.get().uri("/hello").exchange().expectStatus().isEqualTo(MOVED).expectHeader()
				.valueEquals(HttpHeaders.LOCATION, "/hello/");
			client.get().uri("/robots.txt").exchange().expectStatus().isOk().expectHeader()
				.doesNotExist(HttpHeaders.LOCATION);
			client.get().uri("/unknown").exchange().expectStatus().isNotFound().expectHeader()
				.doesNotExist(HttpHeaders.LOCATION);
		}
	}

	private static Mono<Void> write(ServerHttpResponse response, org.reactivestreams.Publisher<String> text) {
		if (text instanceof Mono<String> mono) {
			return response.writeWith(mono.map((s) -> response.bufferFactory().wrap(s.getBytes(StandardCharsets.UTF_8))));
		}
		return response.writeWith(Flux.from(text).map((s) -> response.bufferFactory().wrap(s.getBytes(StandardCharsets.UTF_8))));
	}

	private static WebTestClient client() {
		return client(filter(true, false, List.of(), List.of()));
	}

	private static WebTestClient client(WebFilter... filters) {
		return WebTestClient.bindToRouterFunction(ROUTES).webFilter(filters).build();
	}

	private static CommonWebFilter filter(boolean appendSlash, boolean prependWww, List<Pattern> userAgents,
			List<String> hosts) {
		return new CommonWebFilter(appendSlash, prependWww, userAgents, new AllowedHosts(hosts), resolver());
	}

	private static XFrameOptionsWebFilter xFrameOptions() {
		return new XFrameOptionsWebFilter(Mode.DENY, resolver());
	}

	private static HandlerResolver resolver() {
		return new DefaultHandlerResolver(List.of(new RouterFunctionMapping(ROUTES)));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableWebFlux
	static class ControllerApp {

		@Bean
		Views views() {
			return new Views();
		}

		@Bean
		DefaultHandlerResolver handlerResolver(DispatcherHandler webHandler) {
			return new DefaultHandlerResolver(webHandler::getHandlerMappings);
		}

		@Bean
		@Order(1)
		WebFilter commonWebFilter(HandlerResolver handlerResolver) {
			return new CommonWebFilter(true, false, List.of(), new AllowedHosts(List.of()), handlerResolver);
		}

		@Bean
		@Order(2)
		WebFilter xFrameOptionsWebFilter(HandlerResolver handlerResolver) {
			return new XFrameOptionsWebFilter(Mode.DENY, handlerResolver);
		}

	}

	/** Static resources at {@code /**}, as Boot's {@code WebFluxAutoConfiguration} maps them by default. */
	@Configuration(proxyBeanMethods = false)
	static class StaticResources implements WebFluxConfigurer {

		@Override
		public void addResourceHandlers(ResourceHandlerRegistry registry) {
			registry.addResourceHandler("/**").addResourceLocations("classpath:/common-static/");
		}

	}

	@RestController
	static class Views {

		@GetMapping("/hello/")
		Mono<String> hello() {
			return Mono.just("hello");
		}

		@NoAppendSlash
		@GetMapping("/sensitive_cbv/")
		Mono<String> sensitive() {
			return Mono.just("sensitive");
		}

	}

}
