package io.asyncmiddleware.handler;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link HandlerResolver}'s default {@code resolvedNow}.
 */
class HandlerResolverTests {

	private final ServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/"));

	@Test
	void aHandlerResolvedAtOnceIsAvailableWithoutAnOperator() {
		ResolvedHandler handler = new ResolvedHandler("/", Map.of());
		assertThat(resolver(Mono.just(handler)).resolvedNow(this.exchange)).isSameAs(handler);
	}

	@Test
	void aLookupThatAnswersLaterIsLeftToResolve() {
		Mono<ResolvedHandler> later = Mono.delay(Duration.ofMillis(10)).thenReturn(ResolvedHandler.NONE);
		assertThat(resolver(later).resolvedNow(this.exchange)).isNull();
	}

	private static HandlerResolver resolver(Mono<ResolvedHandler> handler) {
		return new HandlerResolver() {

			@Override
			public Mono<ResolvedHandler> resolve(ServerWebExchange exchange) {
				return handler;
			}

			@Override
			public Mono<Boolean> isRoutable(ServerWebExchange exchange, String path) {
				return Mono.just(false);
			}

		};
	}

}
