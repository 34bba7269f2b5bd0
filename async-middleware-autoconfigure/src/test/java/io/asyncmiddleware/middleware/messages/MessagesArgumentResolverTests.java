package io.asyncmiddleware.middleware.messages;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link MessagesArgumentResolver}: a {@link Messages} argument of a controller method.
 */
class MessagesArgumentResolverTests {

	@Test
	@DisplayName("A controller gets the request's Messages as an argument")
	void controllerAddsAndReads() {
		WebTestClient client = WebTestClient.bindToController(new MessagesController())
			.argumentResolvers((configurer) -> configurer.addCustomResolver(new MessagesArgumentResolver()))
			.webFilter(MessagesTestApp.fallbackFilter())
			.build();
		String cookie = client.get()
			.uri("/add?text=from-controller")
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseCookies()
			.getFirst("messages")
			.getValue();
		String shown = client.get()
			.uri("/show")
			.cookie("messages", cookie)
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(shown).isEqualTo("from-controller;");
	}

	@Test
	@DisplayName("MSG-04: without the entry a Messages argument fails the request")
	void withoutEntryFails() {
		WebTestClient client = WebTestClient.bindToController(new MessagesController())
			.argumentResolvers((configurer) -> configurer.addCustomResolver(new MessagesArgumentResolver()))
			.build();
		client.get().uri("/add?text=x").exchange().expectStatus().is5xxServerError();
	}

	@RestController
	static class MessagesController {

		@GetMapping("/add")
		Mono<String> add(Messages messages, @RequestParam String text) {
			messages.info(text);
			return Mono.just("added");
		}

		@GetMapping("/show")
		Flux<String> show(Messages messages) {
			return messages.read().map((message) -> message.text() + ";");
		}

	}

}
