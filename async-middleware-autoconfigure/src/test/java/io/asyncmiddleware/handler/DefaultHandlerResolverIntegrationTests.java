package io.asyncmiddleware.handler;

import io.asyncmiddleware.middleware.clickjacking.XFrameOptionsWebFilter;
import io.asyncmiddleware.middleware.security.RequestSecurity;
import io.asyncmiddleware.middleware.security.SecurityWebFilter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.DispatcherHandler;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;

/**
 * The resolver and the entries on a real Netty server, where BlockHound watches the event
 * loop: resolution, the 405, the headers and the redirect must not block it.
 */
class DefaultHandlerResolverIntegrationTests {

	private AnnotationConfigApplicationContext context;

	private DisposableServer server;

	private WebTestClient client;

	@BeforeEach
	void start() {
		this.context = HandlerFixtures.context(EntriesConfiguration.class);
		ReactorHttpHandlerAdapter adapter = new ReactorHttpHandlerAdapter(
				WebHttpHandlerBuilder.applicationContext(this.context).build());
		this.server = HttpServer.create().host("127.0.0.1").port(0).handle(adapter).bindNow();
		this.client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + this.server.port()).build();
	}

	@AfterEach
	void stop() {
		this.server.disposeNow();
		this.context.close();
	}

	@Test
	@DisplayName("on the event loop: @RequireHttpMethods answers 405 + Allow, with the security and X-Frame-Options headers")
	void requireHttpMethodsOnEventLoop() {
		this.client.post()
			.uri("/methods/")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.METHOD_NOT_ALLOWED)
			.expectHeader()
			.valueEquals(HttpHeaders.ALLOW, "GET")
			.expectHeader()
			.valueEquals("X-Content-Type-Options", "nosniff")
			.expectHeader()
			.valueEquals("X-Frame-Options", "DENY");
		this.client.post().uri("/fn/methods/").exchange().expectStatus().isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
	}

	@Test
	@DisplayName("on the event loop: annotated handlers, error pages and the proxy-header check answer without blocking")
	void entriesOnEventLoop() {
		this.client.get()
			.uri("/frame/sameorigin/")
			.header("X-Forwarded-Proto", "https")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-Frame-Options", "SAMEORIGIN")
			.expectHeader()
			.valueEquals("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
		this.client.get().uri("/fn/frame/exempt/").exchange().expectHeader().doesNotExist("X-Frame-Options");
		this.client.get()
			.uri("/forbidden/")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.valueEquals("X-Frame-Options", "DENY")
			.expectHeader()
			.valueEquals("Cross-Origin-Opener-Policy", "same-origin");
		this.client.get().uri("/nowhere/").exchange().expectStatus().isNotFound().expectHeader().valueEquals("X-Frame-Options", "DENY");
	}

	@Configuration(proxyBeanMethods = false)
	static class EntriesConfiguration {

		@Bean
		@Order(1)
		WebFilter securityEntry() {
			SecurityWebFilter filter = new SecurityWebFilter(RequestSecurity.proxySslHeader("X-Forwarded-Proto", "https"));
			filter.setHstsSeconds(31536000);
			filter.setHstsIncludeSubdomains(true);
			return filter;
		}

		@Bean
		@Order(2)
		WebFilter xFrameOptionsEntry(HandlerResolver handlerResolver) {
			return new XFrameOptionsWebFilter(Mode.DENY, handlerResolver);
		}

		@Bean
		ViewPhaseHandlerMapping viewPhaseHandlerMapping(DispatcherHandler webHandler) {
			return new ViewPhaseHandlerMapping(webHandler::getHandlerMappings);
		}

	}

}
