package io.asyncmiddleware.chain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import io.asyncmiddleware.detection.runtime.EventLoopHold;
import io.asyncmiddleware.detection.runtime.EventLoopHolder;
import io.asyncmiddleware.metrics.EntryMetrics;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.server.WebHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for entries that pass requests through a {@link ComposedStackWebFilter}
 * synchronously ({@link SynchronousRequestStep}).
 */
class SynchronousRequestStepTests {

	private static final WebExceptionHandler STATUS_418 = (exchange, ex) -> {
		exchange.getResponse().setStatusCode(HttpStatusCode.valueOf(418));
		return exchange.getResponse().setComplete();
	};

	private final List<String> calls = new ArrayList<>();

	@Test
	void passingEntriesRunInOrderWithTheWebFiltersAroundThemAndHandOnTheirExchange() {
		AtomicReference<ServerWebExchange> seen = new AtomicReference<>();
		ComposedStackWebFilter stack = stack(entry("first", new Step("first", this.calls, true)),
				entry("filter", recording("filter")), entry("second", new Step("second", this.calls, true)),
				entry("third", new Step("third", this.calls, true)));
		handle(stack, (exchange) -> {
			seen.set(exchange);
			this.calls.add("handler");
			return exchange.getResponse().setComplete();
		});
		assertThat(this.calls).containsExactly("first", "filter", "second", "third", "handler");
		assertThat(seen.get().getRequest().getHeaders().get("X-Passed")).containsExactly("first", "second", "third");
	}

	@Test
	void anEntryThatDeclinesRunsAsAWebFilter() {
		ComposedStackWebFilter stack = stack(entry("declining", new Step("declining", this.calls, false)),
				entry("passing", new Step("passing", this.calls, true)));
		handle(stack, (exchange) -> exchange.getResponse().setComplete());
		assertThat(this.calls).containsExactly("declining asked", "declining as a filter", "passing");
	}

	@Test
	void outsideAComposedStackEntriesRunAsWebFilters() {
		StackChain chain = StackChain.of(entry("step", new Step("step", this.calls, true)));
		chain.filter(MockServerWebExchange.from(MockServerHttpRequest.get("/")), (exchange) -> Mono.empty()).block();
		assertThat(this.calls).containsExactly("step as a filter");
	}

	@Test
	void passingEntriesGetTheirFiguresOnce() {
		EntryMetrics first = new EntryMetrics();
		EntryMetrics second = new EntryMetrics();
		ComposedStackWebFilter stack = stack(ChainEntry.of("first", new Step("first", this.calls, true), first, null),
				ChainEntry.of("second", new Step("second", this.calls, true), second, null));
		handle(stack, (exchange) -> exchange.getResponse().setComplete());
		for (EntryMetrics metrics : List.of(first, second)) {
			EntryMetrics.Snapshot snapshot = metrics.snapshot();
			assertThat(snapshot.requests()).isOne();
			assertThat(snapshot.errors()).isZero();
			assertThat(snapshot.inFlight()).isZero();
		}
	}

	@Test
	void anErrorFromBelowPassingThroughIsCountedForEachPassingEntry() {
		EntryMetrics passing = new EntryMetrics();
		ComposedStackWebFilter stack = stack(ChainEntry.of("passing", new Step("passing", this.calls, true), passing,
				null));
		WebTestClient.bindToWebHandler((exchange) -> Mono.error(new IllegalStateException("boom")))
			.webFilter(stack)
			.build()
			.get()
			.uri("/")
			.exchange()
			.expectStatus()
			.is5xxServerError();
		assertThat(passing.snapshot().errors()).isOne();
		assertThat(passing.snapshot().inFlight()).isZero();
	}

	@Test
	void anErrorAnsweredBelowReachesPassingEntriesAsAResponse() {
		EntryMetrics passing = new EntryMetrics();
		ComposedStackWebFilter stack = stack(ChainEntry.of("passing", new Step("passing", this.calls, true), passing,
				null));
		stack.answerErrorsWith(List.of(STATUS_418));
		WebTestClient.bindToWebHandler((exchange) -> Mono.error(new IllegalStateException("boom")))
			.webFilter(stack)
			.build()
			.get()
			.uri("/")
			.exchange()
			.expectStatus()
			.isEqualTo(418)
			.expectHeader()
			.valueEquals("X-Response-Step", "passing");
		assertThat(passing.snapshot().errors()).isZero();
	}

	@Test
	void aStepThatThrowsFailsAtItsPosition() {
		EntryMetrics throwing = new EntryMetrics();
		WebFilter step = new Step("throwing", this.calls, true) {

			@Override
			public ServerWebExchange passThrough(ServerWebExchange exchange) {
				throw new IllegalStateException("step failed");
			}

		};
		ComposedStackWebFilter stack = stack(ChainEntry.of("throwing", step, throwing, null),
				entry("after", recording("after")));
		stack.answerErrorsWith(List.of(STATUS_418));
		WebTestClient.bindToWebHandler((exchange) -> exchange.getResponse().setComplete())
			.webFilter(stack)
			.build()
			.get()
			.uri("/")
			.exchange()
			.expectStatus()
			.isEqualTo(418);
		assertThat(this.calls).doesNotContain("after");
		assertThat(throwing.snapshot().errors()).isOne();
	}

	@Test
	void theResponseAPassingEntryDecoratedIsCompletedWhenTheRestLeavesItEmptyIfItAsks() {
		assertThat(completedByTheStack(true)).isTrue();
		assertThat(completedByTheStack(false)).isFalse();
	}

	@Test
	void aResponseTheRestWroteIsNotCompletedAgain() {
		AtomicBoolean completed = new AtomicBoolean();
		ComposedStackWebFilter stack = stack(entry("decorating", new Decorating(completed, true)));
		handle(stack, (exchange) -> exchange.getResponse()
			.writeWith(Mono.just(exchange.getResponse().bufferFactory().wrap(new byte[] { 1 }))));
		assertThat(completed).isFalse();
	}

	@Test
	void theThreadNamesEachPassingEntryWhileItRuns() {
		List<@Nullable String> holders = new ArrayList<>();
		WebFilter first = new Step("first", this.calls, true) {

			@Override
			public ServerWebExchange passThrough(ServerWebExchange exchange) {
				holders.add(currentHolder());
				return exchange;
			}

		};
		WebFilter second = new Step("second", this.calls, true) {

			@Override
			public ServerWebExchange passThrough(ServerWebExchange exchange) {
				holders.add(currentHolder());
				return exchange;
			}

		};
		ComposedStackWebFilter stack = stack(entry("first", first), entry("second", second));
		stack.filter(MockServerWebExchange.from(MockServerHttpRequest.get("/")), (exchange) -> Mono.fromRunnable(
				() -> holders.add(currentHolder())))
			.subscribeOn(Schedulers.parallel())
			.block(Duration.ofSeconds(5));
		assertThat(holders).containsExactly("first", "second", null);
	}

	@Test
	void aSecondSubscriptionRunsThePassingEntriesAgainFromTheSameExchange() {
		WebFilter twice = (exchange, chain) -> {
			Mono<Void> rest = chain.filter(exchange);
			return rest.then(rest);
		};
		EntryMetrics passing = new EntryMetrics();
		ComposedStackWebFilter stack = stack(entry("twice", twice),
				ChainEntry.of("passing", new Step("passing", this.calls, true), passing, null));
		List<List<String>> passedHeaders = new ArrayList<>();
		stack.filter(MockServerWebExchange.from(MockServerHttpRequest.get("/")), (exchange) -> Mono.fromRunnable(
				() -> passedHeaders.add(exchange.getRequest().getHeaders().get("X-Passed"))))
			.block(Duration.ofSeconds(5));
		assertThat(passedHeaders).containsExactly(List.of("passing"), List.of("passing"));
		assertThat(passing.snapshot().requests()).isOne();
		assertThat(passing.snapshot().inFlight()).isZero();
	}

	private boolean completedByTheStack(boolean asks) {
		AtomicBoolean completed = new AtomicBoolean();
		ComposedStackWebFilter stack = stack(entry("decorating", new Decorating(completed, asks)));
		// the rest of the chain ends without touching the response
		stack.filter(MockServerWebExchange.from(MockServerHttpRequest.get("/")), (exchange) -> Mono.empty())
			.block(Duration.ofSeconds(5));
		return completed.get();
	}

	private static ComposedStackWebFilter stack(ChainEntry... entries) {
		return new ComposedStackWebFilter(List.of(entries), false);
	}

	private static void handle(ComposedStackWebFilter stack, WebHandler handler) {
		WebTestClient.bindToWebHandler(handler).webFilter(stack).build().get().uri("/").exchange();
	}

	private static ChainEntry entry(String name, WebFilter filter) {
		return ChainEntry.of(name, filter, new EntryMetrics(), null);
	}

	private WebFilter recording(String name) {
		return (exchange, chain) -> {
			this.calls.add(name);
			return chain.filter(exchange);
		};
	}

	private static @Nullable String currentHolder() {
		EventLoopHold hold = EventLoopHold.ofCurrentThread();
		EventLoopHolder holder = (hold != null) ? hold.holder() : null;
		return (holder != null) ? holder.entryName() : null;
	}

	/** Passes requests through (or declines), adding its name to a request header. */
	private static class Step implements WebFilter, SynchronousRequestStep {

		private final String name;

		private final List<String> calls;

		private final boolean passes;

		Step(String name, List<String> calls, boolean passes) {
			this.name = name;
			this.calls = calls;
			this.passes = passes;
		}

		@Override
		public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
			this.calls.add(this.name + " as a filter");
			return chain.filter(exchange);
		}

		@Override
		public @Nullable ServerWebExchange passThrough(ServerWebExchange exchange) {
			if (!this.passes) {
				this.calls.add(this.name + " asked");
				return null;
			}
			this.calls.add(this.name);
			exchange.getResponse().beforeCommit(() -> Mono.fromRunnable(
					() -> exchange.getResponse().getHeaders().add("X-Response-Step", this.name)));
			return exchange.mutate().request((request) -> request.headers((headers) -> headers.add("X-Passed", this.name))).build();
		}

	}

	/** Decorates the response, recording whether it was completed through the decorator. */
	private static final class Decorating implements WebFilter, SynchronousRequestStep {

		private final AtomicBoolean completed;

		private final boolean completesEmptyResponse;

		Decorating(AtomicBoolean completed, boolean completesEmptyResponse) {
			this.completed = completed;
			this.completesEmptyResponse = completesEmptyResponse;
		}

		@Override
		public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
			return chain.filter(passThrough(exchange));
		}

		@Override
		public ServerWebExchange passThrough(ServerWebExchange exchange) {
			ServerHttpResponse response = new ServerHttpResponseDecorator(exchange.getResponse()) {

				@Override
				public Mono<Void> setComplete() {
					Decorating.this.completed.set(true);
					return super.setComplete();
				}

			};
			return exchange.mutate().response(response).build();
		}

		@Override
		public boolean completesEmptyResponse() {
			return this.completesEmptyResponse;
		}

	}

}
