package io.asyncmiddleware.chain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.asyncmiddleware.detection.runtime.EventLoopHold;
import io.asyncmiddleware.detection.runtime.EventLoopHolder;
import io.asyncmiddleware.metrics.EntryMetrics;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link StackChain}.
 */
class StackChainTests {

	private static final Duration DOWNSTREAM_DELAY = Duration.ofMillis(200);

	private final EntryMetrics metrics = new EntryMetrics();

	@Test
	void runsTheEntriesInOrderThenTheRestOfTheChain() {
		List<String> calls = new ArrayList<>();
		StackChain chain = StackChain.of(entry("first", recording("first", calls), new EntryMetrics()),
				entry("second", recording("second", calls), new EntryMetrics()),
				entry("third", recording("third", calls), new EntryMetrics()));
		chain.filter(exchange(), (exchange) -> Mono.fromRunnable(() -> calls.add("handler"))).block();
		assertThat(calls).containsExactly("first", "second", "third", "handler");
	}

	@Test
	void anEntryThatAnswersStopsTheChain() {
		List<String> calls = new ArrayList<>();
		EntryMetrics inner = new EntryMetrics();
		StackChain chain = StackChain.of(entry("refusing", (exchange, next) -> exchange.getResponse().setComplete(),
				this.metrics), entry("inner", recording("inner", calls), inner));
		chain.filter(exchange(), (exchange) -> Mono.fromRunnable(() -> calls.add("handler"))).block();
		assertThat(calls).isEmpty();
		assertThat(this.metrics.snapshot().requests()).isOne();
		// an entry the request never reached has no figures for it
		assertThat(inner.snapshot().requests()).isZero();
		assertThat(inner.snapshot().inFlight()).isZero();
	}

	@Test
	void theExchangeAnEntryPassesOnIsTheOneTheNextSees() {
		AtomicReference<ServerWebExchange> seen = new AtomicReference<>();
		WebFilter mutating = (exchange, next) -> next
			.filter(exchange.mutate().request((request) -> request.header("X-Seen", "yes")).build());
		StackChain chain = StackChain.of(entry("mutating", mutating, this.metrics),
				entry("reading", (exchange, next) -> {
					seen.set(exchange);
					return next.filter(exchange);
				}, new EntryMetrics()));
		chain.filter(exchange(), (exchange) -> Mono.empty()).block();
		assertThat(seen.get().getRequest().getHeaders().getFirst("X-Seen")).isEqualTo("yes");
	}

	@Test
	void theChainHandedToAnEntryCanBeSubscribedAgain() {
		List<String> calls = new ArrayList<>();
		EntryMetrics inner = new EntryMetrics();
		WebFilter twice = (exchange, next) -> {
			Mono<Void> rest = next.filter(exchange);
			return rest.then(rest);
		};
		StackChain chain = StackChain.of(entry("twice", twice, this.metrics),
				entry("inner", recording("inner", calls), inner));
		chain.filter(exchange(), (exchange) -> Mono.fromRunnable(() -> calls.add("handler"))).block();
		assertThat(calls).containsExactly("inner", "handler", "inner", "handler");
		assertThat(inner.snapshot().requests()).isOne();
		assertThat(inner.snapshot().inFlight()).isZero();
	}

	@Test
	void selfTimeExcludesTheRestOfTheChain() {
		EntryMetrics delayMetrics = new EntryMetrics();
		WebFilter passThrough = (exchange, chain) -> chain.filter(exchange);
		WebFilter delaying = (exchange, chain) -> Mono.delay(DOWNSTREAM_DELAY).then(chain.filter(exchange));
		WebTestClient client = WebTestClient.bindToWebHandler((exchange) -> exchange.getResponse().setComplete())
			.webFilter(StackChain.of(entry("outer", passThrough, this.metrics),
					entry("delaying", delaying, delayMetrics)))
			.build();
		client.get().uri("/").exchange().expectStatus().isOk();
		EntryMetrics.Snapshot outer = this.metrics.snapshot();
		assertThat(outer.requests()).isOne();
		assertThat(outer.errors()).isZero();
		assertThat(outer.inFlight()).isZero();
		assertThat(outer.totalTimeInEntry()).isLessThan(DOWNSTREAM_DELAY);
		// the delay is the delaying entry's own time
		assertThat(delayMetrics.snapshot().totalTimeInEntry()).isGreaterThanOrEqualTo(DOWNSTREAM_DELAY);
	}

	@Test
	void timeAfterTheRestOfTheChainIsTheEntrysOwn() {
		EntryMetrics inner = new EntryMetrics();
		WebFilter slowOnTheWayOut = (exchange, chain) -> chain.filter(exchange).then(Mono.delay(DOWNSTREAM_DELAY))
			.then();
		StackChain chain = StackChain.of(entry("slow", slowOnTheWayOut, this.metrics),
				entry("inner", (exchange, next) -> next.filter(exchange), inner));
		chain.filter(exchange(), (exchange) -> Mono.empty()).block(Duration.ofSeconds(5));
		assertThat(this.metrics.snapshot().totalTimeInEntry()).isGreaterThanOrEqualTo(DOWNSTREAM_DELAY);
		assertThat(inner.snapshot().totalTimeInEntry()).isLessThan(DOWNSTREAM_DELAY);
	}

	@Test
	void countsEachRequest() {
		WebTestClient client = WebTestClient.bindToWebHandler((exchange) -> exchange.getResponse().setComplete())
			.webFilter(StackChain.of(entry("entry", (exchange, chain) -> chain.filter(exchange), this.metrics)))
			.build();
		for (int i = 0; i < 3; i++) {
			client.get().uri("/").exchange().expectStatus().isOk();
		}
		assertThat(this.metrics.snapshot().requests()).isEqualTo(3);
		assertThat(this.metrics.snapshot().inFlight()).isZero();
	}

	@Test
	void errorOfTheEntryIsCounted() {
		StackChain chain = StackChain
			.of(entry("entry", (exchange, next) -> Mono.error(new IllegalStateException("boom")), this.metrics));
		StepVerifier.create(chain.filter(exchange(), completingChain()))
			.expectError(IllegalStateException.class)
			.verify();
		assertThat(this.metrics.snapshot().errors()).isOne();
		assertThat(this.metrics.snapshot().inFlight()).isZero();
	}

	@Test
	void errorOfTheChainPassingThroughEveryEntryIsCountedForEach() {
		EntryMetrics inner = new EntryMetrics();
		StackChain chain = StackChain.of(entry("outer", (exchange, next) -> next.filter(exchange), this.metrics),
				entry("inner", (exchange, next) -> next.filter(exchange), inner));
		WebFilterChain failing = (exchange) -> Mono.error(new IllegalStateException("handler"));
		StepVerifier.create(chain.filter(exchange(), failing)).expectError(IllegalStateException.class).verify();
		assertThat(this.metrics.snapshot().errors()).isOne();
		assertThat(inner.snapshot().errors()).isOne();
	}

	@Test
	void errorHandledByAnOuterEntryIsTheInnerEntrysOnly() {
		EntryMetrics inner = new EntryMetrics();
		StackChain chain = StackChain.of(
				entry("recovering", (exchange, next) -> next.filter(exchange).onErrorResume((ex) -> Mono.empty()),
						this.metrics),
				entry("failing", (exchange, next) -> Mono.error(new IllegalStateException("inner")), inner));
		StepVerifier.create(chain.filter(exchange(), completingChain())).verifyComplete();
		assertThat(this.metrics.snapshot().errors()).isZero();
		assertThat(inner.snapshot().errors()).isOne();
		assertThat(inner.snapshot().requests()).isOne();
	}

	@Test
	void filterThrowingIsAnError() {
		StackChain chain = StackChain.of(entry("entry", (exchange, next) -> {
			throw new IllegalStateException("thrown");
		}, this.metrics));
		StepVerifier.create(chain.filter(exchange(), completingChain())).expectErrorMessage("thrown").verify();
		assertThat(this.metrics.snapshot().requests()).isOne();
		assertThat(this.metrics.snapshot().errors()).isOne();
		assertThat(this.metrics.snapshot().inFlight()).isZero();
	}

	@Test
	void filterReturningNullIsAnError() {
		StackChain chain = StackChain.of(entry("entry", (exchange, next) -> null, this.metrics));
		StepVerifier.create(chain.filter(exchange(), completingChain()))
			.expectError(NullPointerException.class)
			.verify();
		assertThat(this.metrics.snapshot().errors()).isOne();
	}

	@Test
	void nothingIsCountedBeforeSubscription() {
		List<String> calls = new ArrayList<>();
		StackChain chain = StackChain.of(entry("entry", recording("entry", calls), this.metrics));
		chain.filter(exchange(), completingChain());
		assertThat(calls).isEmpty();
		assertThat(this.metrics.snapshot().requests()).isZero();
		assertThat(this.metrics.snapshot().inFlight()).isZero();
	}

	@Test
	void inFlightWhileTheChainRunsAndZeroAfter() {
		Sinks.Empty<Void> handler = Sinks.empty();
		EntryMetrics inner = new EntryMetrics();
		StackChain chain = StackChain.of(entry("entry", (exchange, next) -> next.filter(exchange), this.metrics),
				entry("inner", (exchange, next) -> next.filter(exchange), inner));
		StepVerifier.create(chain.filter(exchange(), (exchange) -> handler.asMono()))
			.then(() -> assertThat(this.metrics.snapshot().inFlight()).isOne())
			.then(() -> assertThat(inner.snapshot().inFlight()).isOne())
			.then(handler::tryEmitEmpty)
			.verifyComplete();
		assertThat(this.metrics.snapshot().inFlight()).isZero();
		assertThat(this.metrics.snapshot().requests()).isOne();
		assertThat(inner.snapshot().inFlight()).isZero();
		assertThat(inner.snapshot().requests()).isOne();
	}

	@Test
	void cancellationIsCountedOnce() {
		EntryMetrics inner = new EntryMetrics();
		StackChain chain = StackChain.of(entry("entry", (exchange, next) -> next.filter(exchange), this.metrics),
				entry("inner", (exchange, next) -> next.filter(exchange), inner));
		Disposable subscription = chain.filter(exchange(), (exchange) -> Mono.never()).subscribe();
		assertThat(this.metrics.snapshot().inFlight()).isOne();
		subscription.dispose();
		subscription.dispose();
		for (EntryMetrics.Snapshot snapshot : List.of(this.metrics.snapshot(), inner.snapshot())) {
			assertThat(snapshot.requests()).isOne();
			assertThat(snapshot.errors()).isZero();
			assertThat(snapshot.inFlight()).isZero();
		}
	}

	@Test
	void nonBlockingThreadNamesEachEntryOnlyWhileItsOwnCodeRuns() {
		AtomicReference<EventLoopHolder> inOuter = new AtomicReference<>();
		AtomicReference<EventLoopHolder> inInner = new AtomicReference<>();
		AtomicReference<EventLoopHolder> inChain = new AtomicReference<>();
		AtomicReference<EventLoopHolder> innerOnTheWayOut = new AtomicReference<>();
		AtomicReference<EventLoopHolder> outerOnTheWayOut = new AtomicReference<>();
		WebFilter outer = (exchange, chain) -> {
			inOuter.set(currentHolder());
			return chain.filter(exchange).doOnSuccess((done) -> outerOnTheWayOut.set(currentHolder()));
		};
		WebFilter inner = (exchange, chain) -> {
			inInner.set(currentHolder());
			return chain.filter(exchange).doOnSuccess((done) -> innerOnTheWayOut.set(currentHolder()));
		};
		StackChain chain = StackChain.of(entry("outer", outer, this.metrics),
				entry("inner", inner, new EntryMetrics()));
		WebFilterChain rest = (exchange) -> Mono.fromRunnable(() -> inChain.set(currentHolder()));
		chain.filter(exchange(), rest).subscribeOn(Schedulers.parallel()).block(Duration.ofSeconds(5));
		assertThat(inOuter.get()).isNotNull().extracting(EventLoopHolder::entryName).isEqualTo("outer");
		assertThat(inInner.get()).isNotNull().extracting(EventLoopHolder::entryName).isEqualTo("inner");
		assertThat(inChain.get()).isNull();
		assertThat(innerOnTheWayOut.get()).isNotNull().extracting(EventLoopHolder::entryName).isEqualTo("inner");
		assertThat(outerOnTheWayOut.get()).isNotNull().extracting(EventLoopHolder::entryName).isEqualTo("outer");
	}

	@Test
	void theThreadIsReleasedWhenTheChainReturns() {
		AtomicReference<EventLoopHolder> after = new AtomicReference<>();
		StackChain chain = StackChain.of(entry("entry", (exchange, next) -> next.filter(exchange), this.metrics));
		chain.filter(exchange(), completingChain())
			.then(Mono.fromRunnable(() -> after.set(currentHolder())))
			.subscribeOn(Schedulers.parallel())
			.block(Duration.ofSeconds(5));
		assertThat(after.get()).isNull();
	}

	@Test
	void blockingThreadsAreNotMarked() {
		AtomicReference<EventLoopHold> hold = new AtomicReference<>();
		StackChain chain = StackChain.of(entry("entry", (exchange, next) -> {
			hold.set(EventLoopHold.ofCurrentThread());
			return next.filter(exchange);
		}, this.metrics));
		chain.filter(exchange(), completingChain()).block(Duration.ofSeconds(5));
		assertThat(hold.get()).isNull();
	}

	@Test
	void describesItselfByItsEntries() {
		StackChain chain = StackChain.of(entry("first", (exchange, next) -> next.filter(exchange), this.metrics),
				entry("second", (exchange, next) -> next.filter(exchange), this.metrics));
		assertThat(chain).hasToString("StackChain[first, second]");
		assertThat(chain.toString()).isSameAs(chain.toString());
	}

	private static ChainEntry entry(String name, WebFilter filter, EntryMetrics metrics) {
		return ChainEntry.of(name, filter, metrics, null);
	}

	private static WebFilter recording(String name, List<String> calls) {
		return (exchange, chain) -> {
			calls.add(name);
			return chain.filter(exchange);
		};
	}

	private static EventLoopHolder currentHolder() {
		EventLoopHold hold = EventLoopHold.ofCurrentThread();
		return (hold != null) ? hold.holder() : null;
	}

	private static ServerWebExchange exchange() {
		return MockServerWebExchange.from(MockServerHttpRequest.get("/"));
	}

	private static WebFilterChain completingChain() {
		return (exchange) -> Mono.empty();
	}

}
