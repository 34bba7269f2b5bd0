package io.asyncmiddleware.netty;

import org.junit.jupiter.api.Test;

import org.springframework.core.Ordered;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServerAnsweredExceptionHandlerTests {

	private final ServerAnsweredExceptionHandler handler = new ServerAnsweredExceptionHandler();

	@Test
	void anErrorWhileTheServerHasSentNothingGoesOnToTheNextHandler() {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/form/"));
		IllegalStateException error = new IllegalStateException("Status and headers already sent");
		assertThatThrownBy(() -> this.handler.handle(exchange, error).block()).isSameAs(error);
	}

	@Test
	void comesBeforeEveryOtherHandler() {
		assertThat(this.handler.getOrder()).isEqualTo(Ordered.HIGHEST_PRECEDENCE);
	}

}
