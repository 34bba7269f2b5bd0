package io.asyncmiddleware.middleware.csrf;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The filter on a real Netty server, where BlockHound fails any blocking call made on the
 * event loop (secret generation, form reading, the 403 page).
 */
class CsrfWebFilterIntegrationTests {

	private DisposableServer server;

	private WebTestClient client;

	@BeforeEach
	void start() {
		ReactorHttpHandlerAdapter adapter = new ReactorHttpHandlerAdapter(
				WebHttpHandlerBuilder.webHandler(CsrfTestApp.handler()).filter(CsrfTestApp.filter()).build());
		this.server = HttpServer.create().host("127.0.0.1").port(0).handle(adapter).bindNow();
		this.client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + this.server.port()).build();
	}

	@AfterEach
	void stop() {
		this.server.disposeNow();
	}

	@Test
	@DisplayName("CSRF-11: on the event loop, a page's token then a form POST with it are accepted without blocking")
	void pageThenFormPost() {
		EntityExchangeResult<String> page = this.client.get().uri("/token/").exchange().expectBody(String.class)
			.returnResult();
		ResponseCookie cookie = page.getResponseCookies().getFirst("csrftoken");
		assertThat(CsrfTokenFormat.unmask(page.getResponseBody())).isEqualTo(cookie.getValue());
		this.client.post().uri("/form/").cookie("csrftoken", cookie.getValue())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData("csrfmiddlewaretoken", page.getResponseBody()).with("name", "bob"))
			.exchange().expectStatus().isOk().expectBody(String.class).isEqualTo("ok bob");
	}

	@Test
	@DisplayName("CSRF-06: on the event loop, a POST without cookie is Django's 403 and a rotation works")
	void rejectionAndRotation() {
		this.client.post().uri("/form/").exchange().expectStatus().isForbidden().expectBody(String.class)
			.value((body) -> assertThat(body).contains("CSRF verification failed. Request aborted."));
		this.client.get().uri("/rotate/").cookie("csrftoken", "bad").exchange().expectStatus().isOk()
			.expectCookie().exists("csrftoken");
		this.client.post().uri("/nowhere/").exchange().expectStatus().isNotFound();
	}

}
