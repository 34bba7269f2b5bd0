package io.asyncmiddleware.detection.corpus;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.asyncmiddleware.detection.corpus.support.CorpusResources;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The corpus's ground truth, measured: each filter handles one request on a Reactor
 * non-blocking thread under BlockHound (extended by {@link CorpusBlockHoundIntegration}),
 * and its label must match what happened. A blocking filter must be caught blocking on
 * that thread; a safe one must not be, and must complete, so that its trap really ran
 * (on a worker, on an executor, or not at all).
 */
class CorpusGroundTruthTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private static Scheduler eventLoop;

	@BeforeAll
	static void start() throws Exception {
		CorpusResources.start();
		eventLoop = Schedulers.newParallel(CorpusBlockHoundIntegration.THREAD_PREFIX, 1);
	}

	@AfterAll
	static void stop() throws Exception {
		eventLoop.dispose();
		CorpusResources.stop();
	}

	@Test
	void corpusIsLargeEnoughAndCoversEveryFamily() {
		List<Corpus.Entry> entries = Corpus.entries();
		assertThat(entries).hasSizeGreaterThanOrEqualTo(80);
		assertThat(entries.stream().filter(Corpus.Entry::blocking)).hasSizeGreaterThanOrEqualTo(50);
		assertThat(entries.stream().filter((entry) -> !entry.blocking())).hasSizeGreaterThanOrEqualTo(30);
		Map<String, List<Corpus.Entry>> byFamily = entries.stream()
			.collect(Collectors.groupingBy((entry) -> entry.label().family()));
		assertThat(byFamily.keySet()).containsExactlyInAnyOrderElementsOf(Families.ALL);
		byFamily.forEach((family, members) -> {
			assertThat(members).as(family).anyMatch(Corpus.Entry::blocking);
			assertThat(members).as(family).anyMatch((entry) -> !entry.blocking());
		});
	}

	@TestFactory
	Stream<DynamicTest> eachLabelIsWhatHappensOnAnEventLoop() {
		return Corpus.entries()
			.stream()
			.map((entry) -> DynamicTest.dynamicTest(entry.name() + " is " + entry.label().value(),
					() -> assertLabelHolds(entry)));
	}

	private static void assertLabelHolds(Corpus.Entry entry) throws Exception {
		WebFilter filter = entry.newInstance();
		Observation observation = observe(filter, entry.name());
		System.out.println("ground truth: " + entry.name() + " [" + entry.label().value() + "] " + observation);
		if (entry.blocking()) {
			assertThat(observation.blocked()).as("%s should block its calling thread; it %s", entry.name(), observation)
				.isTrue();
		}
		else {
			assertThat(observation.blocked()).as("%s should not block its calling thread; it %s", entry.name(),
					observation)
				.isFalse();
			assertThat(observation.error()).as("%s should complete; it %s", entry.name(), observation).isNull();
		}
	}

	static Observation observe(WebFilter filter, String name) throws Exception {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/corpus/" + name));
		CorpusBlockHoundIntegration.clear();
		Throwable error = Mono.defer(() -> filter.filter(exchange, (current) -> Mono.empty()))
			.subscribeOn(eventLoop)
			.then(Mono.<Throwable>empty())
			.onErrorResume(Mono::just)
			.toFuture()
			.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		return new Observation(CorpusBlockHoundIntegration.recorded(), error);
	}

	/**
	 * What one request did.
	 * @param calls blocking calls BlockHound caught on the corpus's event loop
	 * @param error how the request failed, if it did
	 */
	record Observation(List<String> calls, @Nullable Throwable error) {

		boolean blocked() {
			return !this.calls.isEmpty() || causes().anyMatch((cause) -> cause instanceof BlockingOperationError
					|| (cause instanceof IllegalStateException && String.valueOf(cause.getMessage())
						.contains("blocking, which is not supported in thread " + CorpusBlockHoundIntegration.THREAD_PREFIX)));
		}

		private Stream<Throwable> causes() {
			List<Throwable> causes = new ArrayList<>();
			for (Throwable cause = this.error; cause != null && !causes.contains(cause); cause = cause.getCause()) {
				causes.add(cause);
			}
			return causes.stream();
		}

		@Override
		public String toString() {
			return "made blocking calls " + this.calls + " and ended with "
					+ ((this.error != null) ? causes().map(Throwable::toString).collect(Collectors.joining(" <- "))
							: "completion");
		}

	}

}
