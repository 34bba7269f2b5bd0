package io.asyncmiddleware.handler;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class HandlerAnnotationsTests {

	@Test
	@DisplayName("an annotation type whose attributes need values cannot be used by class; the message names the factory")
	void typeWithoutDefaultsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> HandlerAnnotations.of(RequireHttpMethods.class))
			.withMessageContaining("requireHttpMethods");
		assertThat(HandlerAnnotations.of(LoginRequired.class).redirectFieldName()).isEqualTo("next");
		assertThat(HandlerAnnotations.loginRequired("/in/").loginUrl()).isEqualTo("/in/");
	}

	@Test
	@DisplayName("a matching annotated route records its annotations on the request; a route that does not match records none")
	void recordsOnMatchOnly() {
		RouterFunction<ServerResponse> routes = HandlerAnnotations.annotate(
				RouterFunctions.route().GET("/a/", (request) -> ServerResponse.ok().build()).build(), CsrfExempt.class);
		ServerRequest matching = ServerRequest.create(MockServerWebExchange.from(MockServerHttpRequest.get("/a/")),
				List.of());
		assertThat(routes.route(matching).block()).isNotNull();
		assertThat(HandlerAnnotations.recordedOn(matching)).containsOnlyKeys(CsrfExempt.class);
		ServerRequest other = ServerRequest.create(MockServerWebExchange.from(MockServerHttpRequest.get("/b/")),
				List.of());
		assertThat(routes.route(other).block()).isNull();
		assertThat(HandlerAnnotations.recordedOn(other)).isEmpty();
	}

}
