package io.asyncmiddleware.execution;

import io.asyncmiddleware.metrics.EntryMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.server.WebFilter;

import static io.asyncmiddleware.execution.ThreadLog.EVENT_LOOP;
import static io.asyncmiddleware.execution.ThreadLog.bulkheadThreadOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link WorkerHopWebFilter} in {@code isolate} mode on a real Reactor Netty server with a single event loop:
 * anything that blocked that loop would stall every other request.
 */
class WorkerHopWebFilterIsolateTests {

	private final ThreadLog log = new ThreadLog();

	private final EntryMetrics metrics = new EntryMetrics();

	private final List<Bulkhead> bulkheads = new ArrayList<>();

	@AfterEach
	void disposeBulkheads() {
		this.bulkheads.forEach(Bulkhead::dispose);
	}

	private Bulkhead bulkhead(int maxConcurrent, int maxQueued, Duration timeout, boolean virtualThreads) {
		Bulkhead bulkhead = Bulkhead.create("audit",
				new BulkheadSettings(maxConcurrent, maxQueued, timeout, Duration.ofSeconds(1), virtualThreads));
		this.bulkheads.add(bulkhead);
		return bulkhead;
	}

	private WebFilter isolated(WebFilter delegate, Bulkhead bulkhead) {
		return WorkerHopWebFilter.isolated("audit", delegate, bulkhead, this.metrics);
	}

	@Test
	void blockingPartsRunInTheBulkheadAndTheRestOnTheEventLoop() throws Exception {
		Bulkhead bulkhead = bulkhead(4, 4, Duration.ofSeconds(30), true);
		List<WebFilter> filters = List.of(Fixtures.recording("outer", this.log),
				isolated(Fixtures.blocking("audit", this.log), bulkhead), Fixtures.recording("inner", this.log));
		try (TestServer server = new TestServer(this.log, filters)) {
			server.client().get().uri("/").exchange().expectStatus().isOk().expectBody(String.class).isEqualTo("ok");
			this.log.awaitSteps("inner.after", "audit.after", "outer.after");
			TestServer.await("the permits back", () -> bulkhead.getAvailablePermits() == 4);
		}
		assertThat(this.log.threadsOf("audit.body")).singleElement().is(bulkheadThreadOf("audit"));
		assertThat(this.log.threadsOf("audit.before")).singleElement().is(bulkheadThreadOf("audit"));
		assertThat(this.log.threadsOf("audit.after")).singleElement().is(bulkheadThreadOf("audit"));
		for (String step : List.of("outer.body", "inner.body", "handler", "inner.after", "outer.after")) {
			assertThat(this.log.threadsOf(step)).as(step).singleElement().is(EVENT_LOOP);
		}
		assertThat(this.metrics.snapshot().workerHops()).isEqualTo(2);
		// permits are back once the request is done
		assertThat(bulkhead.getAvailablePermits()).isEqualTo(4);
	}

	@ParameterizedTest(name = "position {0}")
	@ValueSource(ints = { 0, 1, 2 })
	void entryAtAnyPositionIsIsolatedAndTheChainReturnsToTheEventLoop(int position) throws Exception {
		List<WebFilter> filters = new ArrayList<>(
				List.of(Fixtures.recording("first", this.log), Fixtures.recording("second", this.log)));
		filters.add(position, isolated(Fixtures.blocking("audit", this.log), bulkhead(2, 2, Duration.ofSeconds(30), true)));
		try (TestServer server = new TestServer(this.log, filters)) {
			server.client().get().uri("/").exchange().expectStatus().isOk();
			this.log.awaitSteps("audit.after", "first.after", "second.after");
		}
		assertThat(this.log.threadsOf("audit.body")).singleElement().is(bulkheadThreadOf("audit"));
		assertThat(this.log.threadsOf("audit.after")).singleElement().is(bulkheadThreadOf("audit"));
		for (String step : List.of("first.body", "first.after", "second.body", "second.after", "handler")) {
			assertThat(this.log.threadsOf(step)).as(step).singleElement().is(EVENT_LOOP);
		}
	}

	@Test
	void adaptedAndIsolatedEntriesInARowEachReturnTheChainToTheEventLoop() throws Exception {
		WebFilter adapted = WorkerHopWebFilter.adapted("first", Fixtures.blocking("first", this.log),
				reactor.core.scheduler.Schedulers.boundedElastic(), new EntryMetrics());
		List<WebFilter> filters = List.of(adapted, Fixtures.recording("middle", this.log),
				isolated(Fixtures.blocking("audit", this.log), bulkhead(2, 2, Duration.ofSeconds(30), true)));
		try (TestServer server = new TestServer(this.log, filters)) {
			server.client().get().uri("/").exchange().expectStatus().isOk();
			this.log.awaitSteps("audit.after", "middle.after", "first.after");
		}
		assertThat(this.log.threadsOf("first.body")).singleElement().is(ThreadLog.BOUNDED_ELASTIC);
		assertThat(this.log.threadsOf("first.after")).singleElement().is(ThreadLog.BOUNDED_ELASTIC);
		assertThat(this.log.threadsOf("audit.body")).singleElement().is(bulkheadThreadOf("audit"));
		assertThat(this.log.threadsOf("audit.after")).singleElement().is(bulkheadThreadOf("audit"));
		for (String step : List.of("middle.body", "middle.after", "handler")) {
			assertThat(this.log.threadsOf(step)).as(step).singleElement().is(EVENT_LOOP);
		}
	}

	@Test
	void timedOutWayOutAnswers503WhenTheResponseIsNotCommitted() {
		CountDownLatch release = new CountDownLatch(1);
		Bulkhead bulkhead = bulkhead(1, 0, Duration.ofMillis(300), true);
		// the chain below leaves the response uncommitted; the way out then outlives the timeout
		WebFilter slowWayOut = (exchange, chain) -> chain.filter(exchange).then(Mono.fromRunnable(() -> {
			this.log.record("audit.after");
			Fixtures.awaitUninterruptibly(release);
			exchange.getResponse().setStatusCode(HttpStatus.I_AM_A_TEAPOT);
		}));
		WebFilter notCommitting = (exchange, chain) -> Mono.empty();
		try (TestServer server = new TestServer(this.log, List.of(isolated(slowWayOut, bulkhead), notCommitting))) {
			server.client()
				.get()
				.uri("/")
				.exchange()
				.expectStatus()
				.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
				.expectHeader()
				.valueEquals("Retry-After", "1");
			release.countDown();
		}
		assertThat(this.log.threadsOf("audit.after")).singleElement().is(bulkheadThreadOf("audit"));
		assertThat(this.metrics.snapshot().timedOut()).isEqualTo(1);
	}

	@Test
	void fullBulkheadAnswers503WithRetryAfterAndRunsNothing() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		Bulkhead bulkhead = bulkhead(1, 1, Duration.ofSeconds(30), true);
		List<WebFilter> filters = List.of(isolated(Fixtures.waitingOn(release, "audit", this.log), bulkhead));
		try (TestServer server = new TestServer(this.log, filters)) {
			CompletableFuture<ResponseEntity<String>> running = get(server, "/");
			TestServer.await("the first request to hold the only permit", () -> bulkhead.getAvailablePermits() == 0);
			CompletableFuture<ResponseEntity<String>> queued = get(server, "/");
			TestServer.await("the second request to wait in the queue", () -> bulkhead.getQueued() == 1);
			// concurrency and queue exhausted: answered at once, while the latch still holds
			server.client()
				.get()
				.uri("/")
				.exchange()
				.expectStatus()
				.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
				.expectHeader()
				.valueEquals("Retry-After", "1")
				.expectBody(String.class)
				.value((body) -> assertThat(body).contains("'audit'").contains("capacity"));
			assertThat(this.metrics.snapshot().rejected()).isEqualTo(1);
			assertThat(this.log.threadsOf("audit.body")).hasSize(1);
			release.countDown();
			assertThat(running.get(20, TimeUnit.SECONDS).getBody()).isEqualTo("ok");
			assertThat(queued.get(20, TimeUnit.SECONDS).getBody()).isEqualTo("ok");
			assertThat(server.handled()).isEqualTo(2);
		}
		assertThat(this.log.threadsOf("audit.body")).hasSize(2).allSatisfy((name) -> assertThat(name).is(bulkheadThreadOf("audit")));
	}

	@Test
	void requestThatDoesNotReachTheSaturatedEntryIsAnswered() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		Bulkhead bulkhead = bulkhead(1, 1, Duration.ofSeconds(30), true);
		WebFilter health = (exchange, chain) -> {
			if (exchange.getRequest().getPath().value().equals("/health")) {
				this.log.record("health");
				return exchange.getResponse()
					.writeWith(Mono.fromSupplier(() -> exchange.getResponse().bufferFactory().wrap("healthy".getBytes())));
			}
			return chain.filter(exchange);
		};
		List<WebFilter> filters = List.of(health, isolated(Fixtures.waitingOn(release, "audit", this.log), bulkhead));
		try (TestServer server = new TestServer(this.log, filters)) {
			CompletableFuture<ResponseEntity<String>> running = get(server, "/");
			TestServer.await("the first request to hold the only permit", () -> bulkhead.getAvailablePermits() == 0);
			CompletableFuture<ResponseEntity<String>> queued = get(server, "/");
			TestServer.await("the second request to wait in the queue", () -> bulkhead.getQueued() == 1);
			server.client().get().uri("/health").exchange().expectStatus().isOk().expectBody(String.class).isEqualTo("healthy");
			server.client().get().uri("/").exchange().expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
			release.countDown();
			assertThat(running.get(20, TimeUnit.SECONDS).getStatusCode()).isEqualTo(HttpStatus.OK);
			assertThat(queued.get(20, TimeUnit.SECONDS).getStatusCode()).isEqualTo(HttpStatus.OK);
		}
		assertThat(this.log.threadsOf("health")).singleElement().is(EVENT_LOOP);
	}

	@Test
	void timedOutHopAnswers503AndItsLateWorkReachesNoResponse() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		CountDownLatch lateWorkDone = new CountDownLatch(1);
		Bulkhead bulkhead = bulkhead(1, 0, Duration.ofMillis(300), true);
		WebFilter stubborn = (exchange, chain) -> {
			if (!exchange.getRequest().getPath().value().equals("/slow")) {
				return chain.filter(exchange);
			}
			this.log.record("audit.body");
			// ignores the interrupt, as careless blocking code does
			Fixtures.awaitUninterruptibly(release);
			exchange.getResponse().getHeaders().add("X-Late", "yes");
			exchange.getResponse().setStatusCode(HttpStatus.I_AM_A_TEAPOT);
			Mono<Void> late = chain.filter(exchange)
				.then(exchange.getResponse()
					.writeWith(Mono.fromSupplier(() -> exchange.getResponse().bufferFactory().wrap("late".getBytes()))));
			lateWorkDone.countDown();
			return late;
		};
		try (TestServer server = new TestServer(this.log, List.of(isolated(stubborn, bulkhead)))) {
			server.client()
				.get()
				.uri("/slow")
				.exchange()
				.expectStatus()
				.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
				.expectHeader()
				.valueEquals("Retry-After", "1")
				.expectHeader()
				.doesNotExist("X-Late")
				.expectBody(String.class)
				.value((body) -> assertThat(body).contains("'audit'").contains("timeout"));
			assertThat(this.metrics.snapshot().timedOut()).isEqualTo(1);
			// the hop ignores its interrupt: counted, and its permit still taken
			TestServer.await("the abandoned hop counted", () -> this.metrics.snapshot().abandonedHops() == 1);
			assertThat(bulkhead.getAvailablePermits()).isZero();
			release.countDown();
			assertThat(lateWorkDone.await(20, TimeUnit.SECONDS)).isTrue();
			TestServer.await("the abandoned hop no longer counted", () -> this.metrics.snapshot().abandonedHops() == 0);
			TestServer.await("the permit back", () -> bulkhead.getAvailablePermits() == 1);
			// the late hop still held the permit; this request runs once it let go
			server.client()
				.get()
				.uri("/next")
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.doesNotExist("X-Late")
				.expectBody(String.class)
				.isEqualTo("ok");
			// the late chain.filter(...) did not run the handler: only /next reached it
			assertThat(server.handled()).isEqualTo(1);
		}
	}

	@Test
	void hopsRunOnVirtualThreadsOnJdk21AndPlatformThreadsOtherwise() {
		WebFilter probing = (exchange, chain) -> {
			this.log.record(isVirtual(Thread.currentThread()) ? "virtual" : "platform");
			return chain.filter(exchange);
		};
		Bulkhead bulkhead = bulkhead(2, 2, Duration.ofSeconds(30), true);
		try (TestServer server = new TestServer(this.log, List.of(isolated(probing, bulkhead)))) {
			server.client().get().uri("/").exchange().expectStatus().isOk();
		}
		if (Runtime.version().feature() >= 21) {
			assertThat(bulkhead.isVirtual()).isTrue();
			assertThat(this.log.threadsOf("virtual")).singleElement().is(bulkheadThreadOf("audit"));
		}
		else {
			assertThat(bulkhead.isVirtual()).isFalse();
			assertThat(this.log.threadsOf("platform")).singleElement().is(bulkheadThreadOf("audit"));
		}
	}

	@Test
	void platformPoolWhenVirtualThreadsAreSwitchedOff() {
		WebFilter probing = (exchange, chain) -> {
			this.log.record(isVirtual(Thread.currentThread()) ? "virtual" : "platform");
			return chain.filter(exchange);
		};
		Bulkhead bulkhead = bulkhead(2, 2, Duration.ofSeconds(30), false);
		try (TestServer server = new TestServer(this.log, List.of(isolated(probing, bulkhead)))) {
			server.client().get().uri("/").exchange().expectStatus().isOk();
		}
		assertThat(bulkhead.isVirtual()).isFalse();
		assertThat(this.log.ran("virtual")).isFalse();
		assertThat(this.log.threadsOf("platform")).singleElement().is(bulkheadThreadOf("audit"));
	}

	static boolean isVirtual(Thread thread) {
		try {
			return (boolean) Thread.class.getMethod("isVirtual").invoke(thread);
		}
		catch (NoSuchMethodException ex) {
			return false;
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static CompletableFuture<ResponseEntity<String>> get(TestServer server, String path) {
		return server.webClient().get().uri(path).retrieve().toEntity(String.class).toFuture();
	}

}
