package io.asyncmiddleware.execution;

import io.asyncmiddleware.metrics.EntryMetrics;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.WebFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link WorkerHopWebFilter} in {@code adapt} mode on its own scheduler with a hop timeout, on a real Reactor
 * Netty server: a hop that outlives it answers 503 with {@code Retry-After} and its
 * worker is interrupted; one that ignores the interrupt is counted until it returns.
 */
class AdaptTimeoutTests {

	private final ThreadLog log = new ThreadLog();

	private final EntryMetrics metrics = new EntryMetrics();

	private final Scheduler worker = Schedulers.newBoundedElastic(2, 4, "am-adapt", 60, true);

	@AfterEach
	void disposeWorker() {
		this.worker.dispose();
	}

	private WebFilter adapted(WebFilter delegate, Duration timeout) {
		return WorkerHopWebFilter.adapted("audit", delegate, this.worker, new AdaptSettings(timeout, Duration.ofSeconds(2)),
				this.metrics);
	}

	@Test
	void hopThatOutlivesTheTimeoutAnswers503AndItsWorkerIsInterrupted() throws Exception {
		CountDownLatch never = new CountDownLatch(1);
		AtomicBoolean interrupted = new AtomicBoolean();
		CountDownLatch left = new CountDownLatch(1);
		WebFilter slow = (exchange, chain) -> {
			this.log.record("audit.body");
			try {
				never.await();
			}
			catch (InterruptedException ex) {
				interrupted.set(true);
			}
			finally {
				left.countDown();
			}
			return chain.filter(exchange);
		};
		try (TestServer server = new TestServer(this.log, List.of(adapted(slow, Duration.ofMillis(200))))) {
			server.client()
				.get()
				.uri("/")
				.exchange()
				.expectStatus()
				.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
				.expectHeader()
				.valueEquals("Retry-After", "2")
				.expectBody(String.class)
				.value((body) -> assertThat(body).contains("'audit'").contains("timeout"));
			assertThat(left.await(10, TimeUnit.SECONDS)).isTrue();
			assertThat(interrupted).isTrue();
			assertThat(server.handled()).isZero();
		}
		assertThat(this.metrics.snapshot().timedOut()).isEqualTo(1);
		assertThat(this.log.threadsOf("audit.body")).singleElement()
			.satisfies((name) -> assertThat(name).startsWith("am-adapt-"));
	}

	@Test
	void hopWithinTheTimeoutIsAnswered() throws Exception {
		try (TestServer server = new TestServer(this.log,
				List.of(adapted(Fixtures.blocking("audit", this.log), Duration.ofSeconds(10))))) {
			server.client().get().uri("/").exchange().expectStatus().isOk();
			this.log.awaitSteps("audit.after");
			// the way out is recorded once its hop returned, just after its step
			TestServer.await("both hops recorded", () -> this.metrics.snapshot().workerHops() == 2);
		}
		assertThat(this.metrics.snapshot().timedOut()).isZero();
	}

	@Test
	void hopThatIgnoresTheInterruptIsCountedUntilItReturns() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		CountDownLatch returned = new CountDownLatch(1);
		WebFilter stubborn = (exchange, chain) -> {
			Fixtures.awaitUninterruptibly(release);
			returned.countDown();
			return chain.filter(exchange);
		};
		try (TestServer server = new TestServer(this.log, List.of(adapted(stubborn, Duration.ofMillis(200))))) {
			server.client().get().uri("/").exchange().expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
			TestServer.await("the abandoned hop counted", () -> this.metrics.snapshot().abandonedHops() == 1);
			release.countDown();
			assertThat(returned.await(10, TimeUnit.SECONDS)).isTrue();
			TestServer.await("the abandoned hop no longer counted", () -> this.metrics.snapshot().abandonedHops() == 0);
			assertThat(server.handled()).isZero();
		}
	}

}
