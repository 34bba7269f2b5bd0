package io.asyncmiddleware.chain;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.asyncmiddleware.handler.ViewPhase;
import io.asyncmiddleware.metrics.EntryMetrics;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.server.WebFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ComposedStackWebFilter}.
 */
class ComposedStackWebFilterTests {

	@Test
	void responseStepsRunInnermostFirstAsDjangosProcessResponse() {
		ComposedStackWebFilter stack = new ComposedStackWebFilter(
				List.of(entry("outer", appendingBeforeCommit("outer")), entry("inner", appendingBeforeCommit("inner"))),
				false);
		WebTestClient.bindToWebHandler((exchange) -> exchange.getResponse().setComplete())
			.webFilter(stack)
			.build()
			.get()
			.uri("/")
			.exchange()
			.expectHeader()
			.valueEquals("X-Response-Step", "inner", "outer");
	}

	@Test
	void tellsTheEntriesWhenAViewPhaseFollows() {
		assertThat(viewPhaseSeenBy(true)).isTrue();
		assertThat(viewPhaseSeenBy(false)).isNull();
	}

	@Test
	void describesItselfByItsEntriesWithTheSameTextEveryTime() {
		ComposedStackWebFilter stack = new ComposedStackWebFilter(
				List.of(entry("security", (exchange, chain) -> chain.filter(exchange)),
						entry("session", (exchange, chain) -> chain.filter(exchange))),
				false);
		assertThat(stack).hasToString("ComposedStackWebFilter[security, session]");
		assertThat(stack.toString()).isSameAs(stack.toString());
		assertThat(stack.getChain().getEntries()).extracting(ChainEntry::name).containsExactly("security", "session");
	}

	private static Boolean viewPhaseSeenBy(boolean viewPhase) {
		AtomicReference<Boolean> seen = new AtomicReference<>();
		ComposedStackWebFilter stack = new ComposedStackWebFilter(List.of(entry("entry", (exchange, chain) -> {
			seen.set(exchange.getAttribute(ViewPhase.AVAILABLE_ATTRIBUTE));
			return chain.filter(exchange);
		})), viewPhase);
		WebTestClient.bindToWebHandler((exchange) -> exchange.getResponse().setComplete())
			.webFilter(stack)
			.build()
			.get()
			.uri("/")
			.exchange()
			.expectStatus()
			.isOk();
		return seen.get();
	}

	private static WebFilter appendingBeforeCommit(String name) {
		return (exchange, chain) -> {
			exchange.getResponse().beforeCommit(() -> Mono.fromRunnable(
					() -> exchange.getResponse().getHeaders().add("X-Response-Step", name)));
			return chain.filter(exchange);
		};
	}

	private static ChainEntry entry(String name, WebFilter filter) {
		return ChainEntry.of(name, filter, new EntryMetrics(), null);
	}

}
