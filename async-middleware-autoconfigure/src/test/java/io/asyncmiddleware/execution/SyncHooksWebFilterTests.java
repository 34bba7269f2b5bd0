package io.asyncmiddleware.execution;

import io.asyncmiddleware.metrics.EntryMetrics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.asyncmiddleware.handler.HandlerResolver;
import io.asyncmiddleware.handler.ResolvedHandler;
import io.asyncmiddleware.hooks.HookResponse;
import io.asyncmiddleware.hooks.SyncHooks;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebHandler;

import static io.asyncmiddleware.execution.ThreadLog.BOUNDED_ELASTIC;
import static io.asyncmiddleware.execution.ThreadLog.EVENT_LOOP;
import static io.asyncmiddleware.execution.ThreadLog.bulkheadThreadOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SyncHooksWebFilter} on a real Reactor Netty server: each hook on a worker, the
 * chain and handler on the event loop, Django's short-circuit and exception rules.
 */
class SyncHooksWebFilterTests {

	private final ThreadLog log = new ThreadLog();

	private final EntryMetrics metrics = new EntryMetrics();

	private final List<Bulkhead> bulkheads = new ArrayList<>();

	private final CountDownLatch release = new CountDownLatch(1);

	@AfterEach
	void disposeBulkheads() {
		this.release.countDown();
		this.bulkheads.forEach(Bulkhead::dispose);
	}

	private final HandlerResolver resolver = new HandlerResolver() {

		@Override
		public Mono<ResolvedHandler> resolve(ServerWebExchange exchange) {
			boolean known = !exchange.getRequest().getPath().value().equals("/unknown");
			return Mono.just(known ? new ResolvedHandler("theHandler", Map.of()) : ResolvedHandler.NONE);
		}

		@Override
		public Mono<Boolean> isRoutable(ServerWebExchange exchange, String path) {
			return Mono.just(true);
		}

	};

	private final WebHandler handler = (exchange) -> {
		this.log.record("handler");
		if (exchange.getRequest().getPath().value().equals("/fail")) {
			return Mono.error(new IllegalStateException("boom"));
		}
		return exchange.getResponse()
			.writeWith(Mono.fromSupplier(
					() -> exchange.getResponse().bufferFactory().wrap("ok".getBytes(StandardCharsets.UTF_8))));
	};

	/**
	 * A Django-style middleware whose hooks block and record their threads.
	 */
	private final SyncHooks hooks = new SyncHooks() {

		@Override
		public @Nullable HookResponse processRequest(ServerWebExchange exchange) {
			SyncHooksWebFilterTests.this.log.record("processRequest");
			String path = exchange.getRequest().getPath().value();
			if (path.equals("/slow")) {
				Fixtures.await(SyncHooksWebFilterTests.this.release);
			}
			Fixtures.sleep(5);
			return path.equals("/short") ? HookResponse.text(HttpStatus.FORBIDDEN, "short-circuited") : null;
		}

		@Override
		public @Nullable HookResponse processView(ServerWebExchange exchange, Object handler) {
			SyncHooksWebFilterTests.this.log.record("processView:" + handler);
			Fixtures.sleep(5);
			return exchange.getRequest().getPath().value().equals("/view-answer")
					? HookResponse.text(HttpStatus.ACCEPTED, "from view") : null;
		}

		@Override
		public @Nullable HookResponse processException(ServerWebExchange exchange, Throwable error) {
			SyncHooksWebFilterTests.this.log.record("processException");
			Fixtures.sleep(5);
			return HookResponse.text(HttpStatus.I_AM_A_TEAPOT, "handled " + error.getMessage());
		}

		@Override
		public void processResponse(ServerWebExchange exchange) {
			SyncHooksWebFilterTests.this.log.record("processResponse");
			Fixtures.sleep(5);
			exchange.getResponse().getHeaders().set("X-Processed", "yes");
		}

	};

	private TestServer adaptedServer(@Nullable HandlerResolver resolver) {
		WebFilter filter = SyncHooksWebFilter.adapted("hooks", this.hooks, Schedulers.boundedElastic(), resolver,
				this.metrics);
		return new TestServer(List.of(filter, Fixtures.recording("inner", this.log)), this.handler);
	}

	@Test
	void everyHookRunsOnWorkerAndTheChainOnTheEventLoop() throws Exception {
		try (TestServer server = adaptedServer(this.resolver)) {
			server.client()
				.get()
				.uri("/")
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.valueEquals("X-Processed", "yes")
				.expectBody(String.class)
				.isEqualTo("ok");
			this.log.awaitSteps("inner.after");
		}
		for (String hook : List.of("processRequest", "processView:theHandler", "processResponse")) {
			assertThat(this.log.threadsOf(hook)).as(hook).singleElement().is(BOUNDED_ELASTIC);
		}
		for (String step : List.of("inner.body", "handler", "inner.after")) {
			assertThat(this.log.threadsOf(step)).as(step).singleElement().is(EVENT_LOOP);
		}
		assertThat(this.metrics.snapshot().workerHops()).isEqualTo(3);
	}

	@Test
	void responseFromProcessRequestSkipsTheChainAndStillGetsProcessResponse() {
		try (TestServer server = adaptedServer(this.resolver)) {
			server.client()
				.get()
				.uri("/short")
				.exchange()
				.expectStatus()
				.isForbidden()
				.expectHeader()
				.valueEquals("X-Processed", "yes")
				.expectBody(String.class)
				.isEqualTo("short-circuited");
		}
		assertThat(this.log.ran("handler")).isFalse();
		assertThat(this.log.ran("inner.body")).isFalse();
		assertThat(this.log.ran("processView:theHandler")).isFalse();
		assertThat(this.log.threadsOf("processResponse")).singleElement().is(BOUNDED_ELASTIC);
	}

	@Test
	void responseFromProcessViewSkipsTheHandler() {
		try (TestServer server = adaptedServer(this.resolver)) {
			server.client()
				.get()
				.uri("/view-answer")
				.exchange()
				.expectStatus()
				.isAccepted()
				.expectHeader()
				.valueEquals("X-Processed", "yes")
				.expectBody(String.class)
				.isEqualTo("from view");
		}
		assertThat(this.log.ran("handler")).isFalse();
	}

	@Test
	void processViewIsSkippedWhenNothingMatchesOrWithoutResolver() {
		try (TestServer server = adaptedServer(this.resolver)) {
			server.client().get().uri("/unknown").exchange().expectStatus().isOk();
		}
		try (TestServer server = adaptedServer(null)) {
			server.client().get().uri("/").exchange().expectStatus().isOk();
		}
		assertThat(this.log.threadsOf("processRequest")).hasSize(2);
		assertThat(this.log.ran("processView:theHandler")).isFalse();
	}

	@Test
	void processExceptionTurnsAFailureBelowIntoItsResponse() {
		try (TestServer server = adaptedServer(this.resolver)) {
			server.client()
				.get()
				.uri("/fail")
				.exchange()
				.expectStatus()
				.isEqualTo(HttpStatus.I_AM_A_TEAPOT)
				.expectHeader()
				.valueEquals("X-Processed", "yes")
				.expectBody(String.class)
				.isEqualTo("handled boom");
		}
		assertThat(this.log.threadsOf("processException")).singleElement().is(BOUNDED_ELASTIC);
		assertThat(this.log.threadsOf("handler")).singleElement().is(EVENT_LOOP);
	}

	@Test
	void isolatedHookThatTimesOutAnswers503WithoutProcessResponse() {
		Bulkhead bulkhead = Bulkhead.create("hooks",
				new BulkheadSettings(2, 2, Duration.ofMillis(300), Duration.ofSeconds(1), true));
		this.bulkheads.add(bulkhead);
		WebFilter filter = SyncHooksWebFilter.isolated("hooks", this.hooks, bulkhead, this.resolver, this.metrics);
		try (TestServer server = new TestServer(List.of(filter), this.handler)) {
			server.client()
				.get()
				.uri("/slow")
				.exchange()
				.expectStatus()
				.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
				.expectHeader()
				.valueEquals("Retry-After", "1")
				.expectHeader()
				.doesNotExist("X-Processed");
		}
		assertThat(this.metrics.snapshot().timedOut()).isEqualTo(1);
		assertThat(this.log.ran("handler")).isFalse();
		assertThat(this.log.ran("processResponse")).isFalse();
	}

	@Test
	void isolatedHooksRunInTheBulkheadAndAnswer503WhenFull() throws Exception {
		Bulkhead bulkhead = Bulkhead.create("hooks",
				new BulkheadSettings(1, 0, Duration.ofSeconds(30), Duration.ofSeconds(3), true));
		this.bulkheads.add(bulkhead);
		WebFilter filter = SyncHooksWebFilter.isolated("hooks", this.hooks, bulkhead, this.resolver, this.metrics);
		try (TestServer server = new TestServer(List.of(filter, Fixtures.recording("inner", this.log)),
				this.handler)) {
			CompletableFuture<ResponseEntity<String>> slow = server.webClient()
				.get()
				.uri("/slow")
				.retrieve()
				.toEntity(String.class)
				.toFuture();
			TestServer.await("the slow hook to hold the only permit", () -> bulkhead.getAvailablePermits() == 0);
			server.client()
				.get()
				.uri("/")
				.exchange()
				.expectStatus()
				.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
				.expectHeader()
				.valueEquals("Retry-After", "3")
				// processRequest never ran for it, so neither does processResponse
				.expectHeader()
				.doesNotExist("X-Processed");
			assertThat(this.metrics.snapshot().rejected()).isEqualTo(1);
			this.release.countDown();
			ResponseEntity<String> answer = slow.get(20, TimeUnit.SECONDS);
			assertThat(answer.getBody()).isEqualTo("ok");
			assertThat(answer.getHeaders().getFirst("X-Processed")).isEqualTo("yes");
		}
		for (String hook : List.of("processRequest", "processView:theHandler", "processResponse")) {
			assertThat(this.log.threadsOf(hook)).as(hook).singleElement().is(bulkheadThreadOf("hooks"));
		}
		assertThat(this.log.threadsOf("handler")).singleElement().is(EVENT_LOOP);
	}

}
