package io.asyncmiddleware.execution;

import io.asyncmiddleware.metrics.EntryMetrics;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import io.asyncmiddleware.detection.runtime.EventLoopHold;
import io.asyncmiddleware.detection.runtime.EventLoopHolder;
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
 * Tests for {@link MeasuredWebFilter}.
 */
class MeasuredWebFilterTests {

	private static final Duration DOWNSTREAM_DELAY = Duration.ofMillis(200);

	private final EntryMetrics metrics = new EntryMetrics();

	@Test
	void selfTimeExcludesTheRestOfTheChain() {
		EntryMetrics delayMetrics = new EntryMetrics();
		WebFilter passThrough = (exchange, chain) -> chain.filter(exchange);
		WebFilter delaying = (exchange, chain) -> Mono.delay(DOWNSTREAM_DELAY).then(chain.filter(exchange));
		WebTestClient client = WebTestClient
			.bindToWebHandler((exchange) -> exchange.getResponse().setComplete())
			.webFilter(new MeasuredWebFilter("outer", passThrough, this.metrics, null),
					new MeasuredWebFilter("delaying", delaying, delayMetrics, null))
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
	void countsEachRequest() {
		WebTestClient client = WebTestClient.bindToWebHandler((exchange) -> exchange.getResponse().setComplete())
			.webFilter(new MeasuredWebFilter("entry", (exchange, chain) -> chain.filter(exchange), this.metrics, null))
			.build();
		for (int i = 0; i < 3; i++) {
			client.get().uri("/").exchange().expectStatus().isOk();
		}
		assertThat(this.metrics.snapshot().requests()).isEqualTo(3);
		assertThat(this.metrics.snapshot().inFlight()).isZero();
	}

	@Test
	void errorOfTheEntryIsCounted() {
		MeasuredWebFilter filter = new MeasuredWebFilter("entry",
				(exchange, chain) -> Mono.error(new IllegalStateException("boom")), this.metrics, null);
		StepVerifier.create(filter.filter(exchange(), completingChain())).expectError(IllegalStateException.class)
			.verify();
		assertThat(this.metrics.snapshot().errors()).isOne();
		assertThat(this.metrics.snapshot().inFlight()).isZero();
	}

	@Test
	void errorOfTheChainPassingThroughTheEntryIsCounted() {
		MeasuredWebFilter filter = new MeasuredWebFilter("entry", (exchange, chain) -> chain.filter(exchange),
				this.metrics, null);
		WebFilterChain failing = (exchange) -> Mono.error(new IllegalStateException("handler"));
		StepVerifier.create(filter.filter(exchange(), failing)).expectError(IllegalStateException.class).verify();
		assertThat(this.metrics.snapshot().errors()).isOne();
	}

	@Test
	void filterThrowingIsAnError() {
		MeasuredWebFilter filter = new MeasuredWebFilter("entry", (exchange, chain) -> {
			throw new IllegalStateException("thrown");
		}, this.metrics, null);
		StepVerifier.create(filter.filter(exchange(), completingChain())).expectErrorMessage("thrown").verify();
		assertThat(this.metrics.snapshot().requests()).isOne();
		assertThat(this.metrics.snapshot().errors()).isOne();
		assertThat(this.metrics.snapshot().inFlight()).isZero();
	}

	@Test
	void nothingIsCountedBeforeSubscription() {
		MeasuredWebFilter filter = new MeasuredWebFilter("entry", (exchange, chain) -> chain.filter(exchange),
				this.metrics, null);
		filter.filter(exchange(), completingChain());
		assertThat(this.metrics.snapshot().requests()).isZero();
		assertThat(this.metrics.snapshot().inFlight()).isZero();
	}

	@Test
	void inFlightWhileTheChainRunsAndZeroAfter() {
		Sinks.Empty<Void> handler = Sinks.empty();
		MeasuredWebFilter filter = new MeasuredWebFilter("entry", (exchange, chain) -> chain.filter(exchange),
				this.metrics, null);
		StepVerifier.create(filter.filter(exchange(), (exchange) -> handler.asMono()))
			.then(() -> assertThat(this.metrics.snapshot().inFlight()).isOne())
			.then(handler::tryEmitEmpty)
			.verifyComplete();
		assertThat(this.metrics.snapshot().inFlight()).isZero();
		assertThat(this.metrics.snapshot().requests()).isOne();
	}

	@Test
	void cancellationIsCountedOnce() {
		MeasuredWebFilter filter = new MeasuredWebFilter("entry", (exchange, chain) -> chain.filter(exchange),
				this.metrics, null);
		Disposable subscription = filter.filter(exchange(), (exchange) -> Mono.never()).subscribe();
		assertThat(this.metrics.snapshot().inFlight()).isOne();
		subscription.dispose();
		subscription.dispose();
		EntryMetrics.Snapshot snapshot = this.metrics.snapshot();
		assertThat(snapshot.requests()).isOne();
		assertThat(snapshot.errors()).isZero();
		assertThat(snapshot.inFlight()).isZero();
	}

	@Test
	void nonBlockingThreadNamesTheEntryOnlyWhileItsOwnCodeRuns() {
		AtomicReference<EventLoopHolder> inEntry = new AtomicReference<>();
		AtomicReference<EventLoopHolder> inChain = new AtomicReference<>();
		AtomicReference<EventLoopHolder> onTheWayOut = new AtomicReference<>();
		WebFilter entry = (exchange, chain) -> {
			inEntry.set(currentHolder());
			return chain.filter(exchange).doOnSuccess((done) -> onTheWayOut.set(currentHolder()));
		};
		MeasuredWebFilter filter = new MeasuredWebFilter("entry", entry, this.metrics, null);
		WebFilterChain chain = (exchange) -> Mono.fromRunnable(() -> inChain.set(currentHolder()));
		filter.filter(exchange(), chain).subscribeOn(Schedulers.parallel()).block(Duration.ofSeconds(5));
		assertThat(inEntry.get()).isNotNull().extracting(EventLoopHolder::entryName).isEqualTo("entry");
		assertThat(inChain.get()).isNull();
		assertThat(onTheWayOut.get()).isNotNull().extracting(EventLoopHolder::entryName).isEqualTo("entry");
	}

	@Test
	void blockingThreadsAreNotMarked() {
		AtomicReference<EventLoopHold> hold = new AtomicReference<>();
		MeasuredWebFilter filter = new MeasuredWebFilter("entry", (exchange, chain) -> {
			hold.set(EventLoopHold.ofCurrentThread());
			return chain.filter(exchange);
		}, this.metrics, null);
		filter.filter(exchange(), completingChain()).block(Duration.ofSeconds(5));
		assertThat(hold.get()).isNull();
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
