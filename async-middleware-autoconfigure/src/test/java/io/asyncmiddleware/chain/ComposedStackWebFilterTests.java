package io.asyncmiddleware.chain;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.asyncmiddleware.handler.ViewPhase;
import io.asyncmiddleware.metrics.EntryMetrics;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.server.WebExceptionHandler;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebHandler;

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
		getThrough(stack, (exchange) -> exchange.getResponse().setComplete())
			.expectHeader()
			.valueEquals("X-Response-Step", "inner", "outer");
	}

	@Test
	void commitActionsRunOnceBeforeAWholeBody() {
		AtomicInteger runs = new AtomicInteger();
		assertCommitActionsRan((exchange) -> exchange.getResponse()
			.writeWith(Mono.fromSupplier(() -> buffer(exchange.getResponse(), "whole"))), runs, 200, "whole");
		assertThat(runs).hasValue(1);
	}

	@Test
	void commitActionsRunOnceBeforeAStreamedBody() {
		AtomicInteger runs = new AtomicInteger();
		assertCommitActionsRan((exchange) -> exchange.getResponse()
			.writeWith(Flux.just("stre", "amed").map((part) -> buffer(exchange.getResponse(), part))), runs, 200,
				"streamed");
		assertThat(runs).hasValue(1);
	}

	@Test
	void commitActionsRunWhenWebFluxCompletesAResponseTheStackLeftEmpty() {
		// nothing writes or completes the response inside the stack: WebFlux completes it
		// after the request left the stack
		AtomicInteger runs = new AtomicInteger();
		assertCommitActionsRan((exchange) -> {
			exchange.getResponse().setStatusCode(HttpStatusCode.valueOf(204));
			return Mono.empty();
		}, runs, 204, null);
		assertThat(runs).hasValue(1);
	}

	@Test
	void commitActionsRunOnAnErrorPageRenderedAfterTheRequestLeftTheStack() {
		// no exception handlers in the stack: the error travels up and WebFlux answers it
		// outside, on the response under the stack's
		AtomicInteger runs = new AtomicInteger();
		assertCommitActionsRan((exchange) -> Mono.error(new IllegalStateException("boom")), runs, 500, null);
		assertThat(runs).hasValue(1);
	}

	private static void assertCommitActionsRan(WebHandler handler, AtomicInteger runs, int status,
			@Nullable String body) {
		WebFilter counting = (exchange, chain) -> {
			exchange.getResponse().beforeCommit(() -> Mono.fromRunnable(runs::incrementAndGet));
			return chain.filter(exchange);
		};
		ComposedStackWebFilter stack = new ComposedStackWebFilter(List.of(entry("outer", appendingBeforeCommit("outer")),
				entry("counting", counting), entry("inner", appendingBeforeCommit("inner"))), false);
		WebTestClient.ResponseSpec response = getThrough(stack, handler)
			.expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.valueEquals("X-Response-Step", "inner", "outer");
		if (body != null) {
			response.expectBody(String.class).isEqualTo(body);
		}
	}

	// GET / through the stack to the handler
	private static WebTestClient.ResponseSpec getThrough(ComposedStackWebFilter stack, WebHandler handler) {
		return WebTestClient.bindToWebHandler(handler).webFilter(stack).build().get().uri("/").exchange();
	}

	private static DataBuffer buffer(ServerHttpResponse response, String text) {
		return response.bufferFactory().wrap(text.getBytes(StandardCharsets.UTF_8));
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
			seen.set(ViewPhase.AVAILABLE.get(exchange));
			return chain.filter(exchange);
		})), viewPhase);
		getThrough(stack, (exchange) -> exchange.getResponse().setComplete())
			.expectStatus()
			.isOk();
		return seen.get();
	}

	@Test
	void theHandlersErrorBecomesAResponseThatEveryEntrySees() {
		AtomicReference<String> outerSaw = new AtomicReference<>();
		ComposedStackWebFilter stack = new ComposedStackWebFilter(
				List.of(entry("outer", signalRecording(outerSaw)), entry("inner", appendingBeforeCommit("inner"))),
				false);
		stack.answerErrorsWith(List.of(STATUS_418));
		getThrough(stack, (exchange) -> Mono.error(new IllegalStateException("boom")))
			.expectStatus()
			.isEqualTo(418)
			.expectHeader()
			.valueEquals("X-Response-Step", "inner");
		assertThat(outerSaw).hasValue("complete");
	}

	@Test
	void anEntrysErrorBecomesAResponseAtItsPositionAndCountsAsItsError() {
		AtomicReference<String> outerSaw = new AtomicReference<>();
		EntryMetrics failing = new EntryMetrics();
		ComposedStackWebFilter stack = new ComposedStackWebFilter(List.of(entry("outer", signalRecording(outerSaw)),
				ChainEntry.of("failing", (exchange, chain) -> {
					throw new IllegalStateException("entry failed");
				}, failing, null)), false);
		stack.answerErrorsWith(List.of(STATUS_418));
		getThrough(stack, (exchange) -> exchange.getResponse().setComplete())
			.expectStatus()
			.isEqualTo(418);
		assertThat(outerSaw).hasValue("complete");
		assertThat(failing.snapshot().errors()).isOne();
	}

	@Test
	void processExceptionStepsAnswerTheHandlersErrorFirstInnermostFirst() {
		List<String> steps = new java.util.ArrayList<>();
		ComposedStackWebFilter stack = new ComposedStackWebFilter(
				List.of(entry("outer", exceptionStep("outer", steps, true)),
						entry("inner", exceptionStep("inner", steps, false))),
				false);
		stack.answerErrorsWith(List.of(STATUS_418));
		getThrough(stack, (exchange) -> Mono.error(new IllegalStateException("boom")))
			.expectStatus()
			.isEqualTo(409);
		assertThat(steps).containsExactly("inner", "outer");
	}

	@Test
	void withoutExceptionHandlersErrorsTravelUpAsInSpringsChain() {
		AtomicReference<String> outerSaw = new AtomicReference<>();
		ComposedStackWebFilter stack = new ComposedStackWebFilter(List.of(entry("outer", signalRecording(outerSaw))),
				false);
		getThrough(stack, (exchange) -> Mono.error(new IllegalStateException("boom")))
			.expectStatus()
			.is5xxServerError();
		assertThat(outerSaw).hasValue("error");
	}

	private static final WebExceptionHandler STATUS_418 = (exchange, ex) -> {
		exchange.getResponse().setStatusCode(HttpStatusCode.valueOf(418));
		return exchange.getResponse().setComplete();
	};

	private static WebFilter signalRecording(AtomicReference<String> saw) {
		return (exchange, chain) -> chain.filter(exchange)
			.doOnSuccess((done) -> saw.set("complete"))
			.doOnError((ex) -> saw.set("error"));
	}

	private static WebFilter exceptionStep(String name, List<String> steps, boolean answers) {
		return (exchange, chain) -> {
			ViewPhase.onViewException(exchange, (target, error) -> {
				steps.add(name);
				if (!answers) {
					return Mono.just(false);
				}
				target.getResponse().setStatusCode(HttpStatusCode.valueOf(409));
				return target.getResponse().setComplete().thenReturn(true);
			});
			return chain.filter(exchange);
		};
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
