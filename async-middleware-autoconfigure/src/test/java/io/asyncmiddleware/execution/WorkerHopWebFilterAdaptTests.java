package io.asyncmiddleware.execution;

import io.asyncmiddleware.metrics.EntryMetrics;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.WebFilter;

import static io.asyncmiddleware.execution.ThreadLog.BOUNDED_ELASTIC;
import static io.asyncmiddleware.execution.ThreadLog.EVENT_LOOP;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link WorkerHopWebFilter} in {@code adapt} mode on a real Reactor Netty server, proved by thread names.
 */
class WorkerHopWebFilterAdaptTests {

	private final ThreadLog log = new ThreadLog();

	private final EntryMetrics metrics = new EntryMetrics();

	private WebFilter adapted(WebFilter delegate) {
		return WorkerHopWebFilter.adapted("audit", delegate, Schedulers.boundedElastic(), this.metrics);
	}

	@Test
	void blockingPartsRunOnWorkerAndTheRestOnTheEventLoop() throws Exception {
		List<WebFilter> filters = List.of(Fixtures.recording("outer", this.log),
				adapted(Fixtures.blocking("audit", this.log)), Fixtures.recording("inner", this.log));
		try (TestServer server = new TestServer(this.log, filters)) {
			server.client()
				.get()
				.uri("/")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody(String.class)
				.isEqualTo("ok");
			this.log.awaitSteps("inner.after", "audit.after", "outer.after");
		}
		assertThat(this.log.threadsOf("audit.body")).singleElement().is(BOUNDED_ELASTIC);
		assertThat(this.log.threadsOf("audit.before")).singleElement().is(BOUNDED_ELASTIC);
		assertThat(this.log.threadsOf("audit.after")).singleElement().is(BOUNDED_ELASTIC);
		assertThat(this.log.threadsOf("inner.body")).singleElement().is(EVENT_LOOP);
		assertThat(this.log.threadsOf("handler")).singleElement().is(EVENT_LOOP);
		assertThat(this.log.threadsOf("inner.after")).singleElement().is(EVENT_LOOP);
		assertThat(this.log.threadsOf("outer.body")).singleElement().is(EVENT_LOOP);
		assertThat(this.log.threadsOf("outer.after")).singleElement().is(EVENT_LOOP);
	}

	@ParameterizedTest(name = "position {0}")
	@ValueSource(ints = { 0, 1, 2 })
	void entryAtAnyPositionIsAdaptedAndTheChainReturnsToTheEventLoop(int position) throws Exception {
		List<WebFilter> filters = new ArrayList<>(
				List.of(Fixtures.recording("first", this.log), Fixtures.recording("second", this.log)));
		filters.add(position, adapted(Fixtures.blocking("audit", this.log)));
		try (TestServer server = new TestServer(this.log, filters)) {
			server.client().get().uri("/").exchange().expectStatus().isOk();
			this.log.awaitSteps("audit.after", "first.after", "second.after");
		}
		assertThat(this.log.threadsOf("audit.body")).singleElement().is(BOUNDED_ELASTIC);
		assertThat(this.log.threadsOf("audit.after")).singleElement().is(BOUNDED_ELASTIC);
		for (String step : List.of("first.body", "first.after", "second.body", "second.after", "handler")) {
			assertThat(this.log.threadsOf(step)).as(step).singleElement().is(EVENT_LOOP);
		}
	}

	@Test
	void shortCircuitRunsOnWorkerAndSkipsTheHandler() {
		WebFilter forbidding = (exchange, chain) -> {
			this.log.record("audit.body");
			Fixtures.sleep(5);
			exchange.getResponse().setStatusCode(HttpStatus.FORBIDDEN);
			return exchange.getResponse().setComplete();
		};
		try (TestServer server = new TestServer(this.log,
				List.of(adapted(forbidding), Fixtures.recording("inner", this.log)))) {
			server.client().get().uri("/").exchange().expectStatus().isForbidden();
			assertThat(server.handled()).isZero();
		}
		assertThat(this.log.threadsOf("audit.body")).singleElement().is(BOUNDED_ELASTIC);
		assertThat(this.log.ran("inner.body")).isFalse();
	}

	@Test
	void beforeCommitActionOfTheEntryRunsOnWorker() {
		WebFilter committing = (exchange, chain) -> {
			exchange.getResponse().beforeCommit(() -> Mono.fromRunnable(() -> {
				this.log.record("audit.beforeCommit");
				Fixtures.sleep(5);
				exchange.getResponse().getHeaders().add("X-Saved", "yes");
			}));
			return chain.filter(exchange);
		};
		try (TestServer server = new TestServer(this.log, List.of(adapted(committing)))) {
			server.client().get().uri("/").exchange().expectStatus().isOk().expectHeader().valueEquals("X-Saved", "yes");
		}
		assertThat(this.log.threadsOf("audit.beforeCommit")).singleElement().is(BOUNDED_ELASTIC);
		assertThat(this.log.threadsOf("handler")).singleElement().is(EVENT_LOOP);
	}

	@Test
	void errorOfTheChainReachesTheWayOutOnWorker() throws Exception {
		WebFilter handling = (exchange, chain) -> chain.filter(exchange).onErrorResume((error) -> {
			this.log.record("audit.onError");
			Fixtures.sleep(5);
			exchange.getResponse().setStatusCode(HttpStatus.I_AM_A_TEAPOT);
			return exchange.getResponse().setComplete();
		});
		WebFilter failing = (exchange, chain) -> Mono.error(new IllegalStateException("boom"));
		try (TestServer server = new TestServer(this.log, List.of(adapted(handling), failing))) {
			server.client().get().uri("/").exchange().expectStatus().isEqualTo(HttpStatus.I_AM_A_TEAPOT);
		}
		assertThat(this.log.threadsOf("audit.onError")).singleElement().is(BOUNDED_ELASTIC);
	}

	@Test
	void hopsAreCounted() throws Exception {
		try (TestServer server = new TestServer(this.log, List.of(adapted(Fixtures.blocking("audit", this.log))))) {
			server.client().get().uri("/").exchange().expectStatus().isOk();
			this.log.awaitSteps("audit.after");
			TestServer.await("the way-out hop to be counted", () -> this.metrics.snapshot().workerHops() == 2);
		}
		EntryMetrics.Snapshot snapshot = this.metrics.snapshot();
		assertThat(snapshot.workerHops()).isEqualTo(2);
		assertThat(snapshot.timeOnWorkers().toMillis()).isGreaterThanOrEqualTo(15);
	}

	@Test
	void sameBlockingEntryNotAdaptedIsCaughtByBlockHound() {
		// the control: proves BlockHound watches this server's event loop, so the other
		// tests would fail if an adapted entry's blocking code ran there
		try (TestServer server = new TestServer(this.log, List.of(Fixtures.blocking("audit", this.log)))) {
			server.client().get().uri("/").exchange().expectStatus().is5xxServerError();
			assertThat(server.handled()).isZero();
		}
		assertThat(this.log.threadsOf("audit.body")).singleElement().is(EVENT_LOOP);
	}

}
