package io.asyncmiddleware.detection.corpus;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.asyncmiddleware.detection.Evidence;
import io.asyncmiddleware.detection.Verdict;
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
 * (on a worker, on an executor, or not at all). The same run checks the scanner's
 * evidence: a chain must name only methods that ran on that thread.
 */
class CorpusGroundTruthTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private static Scheduler eventLoop;

	// each filter runs once: a second run would find the JDK's DNS cache warm
	private static final Map<String, Observation> observations = new ConcurrentHashMap<>();

	@BeforeAll
	static void start() throws Exception {
		CorpusResources.start();
		eventLoop = Schedulers.newParallel(CorpusBlockHoundIntegration.THREAD_PREFIX, 1);
	}

	@AfterAll
	static void stop() throws Exception {
		observations.clear();
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

	@Test
	void evidenceNamesOnlyMethodsThatRanOnTheCallersThread() throws Exception {
		// Every frame of a chain but the first (the filter method, which the request
		// calls on the event loop) must be on the event loop's stack at a blocking call
		// of the request: a chain through work handed to another thread (an executor's
		// task, a lambda run on a worker) names a method that ran there. The first frame
		// may have returned by then: a filter often assembles a lambda that runs on
		// subscription. (So would a helper that only assembles one; none in the corpus
		// does, and such a chain would fail here although right.)
		List<String> elsewhere = new ArrayList<>();
		for (Map.Entry<Corpus.Entry, Verdict> scanned : CorpusScannerGradingTests.scan().entrySet()) {
			if (!scanned.getValue().isBlocking()) {
				continue;
			}
			Set<String> ran = observation(scanned.getKey()).methodsWhenBlocking();
			for (Evidence evidence : scanned.getValue().evidence()) {
				evidence.chain()
					.stream()
					.skip(1)
					.filter((frame) -> !ran.contains(frame.className() + "." + frame.methodName()))
					.forEach((frame) -> elsewhere
						.add(scanned.getKey().name() + ": " + frame.shortName() + " in " + evidence));
			}
		}
		assertThat(elsewhere).as("evidence frames not on the caller's stack when it blocked").isEmpty();
	}

	private static Observation observation(Corpus.Entry entry) throws Exception {
		Observation observation = observations.get(entry.name());
		if (observation == null) {
			observation = observe(entry.newInstance(), entry.name());
			observations.put(entry.name(), observation);
		}
		return observation;
	}

	private static void assertLabelHolds(Corpus.Entry entry) throws Exception {
		Observation observation = observation(entry);
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
		return new Observation(CorpusBlockHoundIntegration.recorded(), CorpusBlockHoundIntegration.stacks(), error);
	}

	/**
	 * What one request did.
	 * @param calls blocking calls BlockHound caught on the corpus's event loop
	 * @param stacks the stacks of those calls
	 * @param error how the request failed, if it did
	 */
	record Observation(List<String> calls, List<StackTraceElement[]> stacks, @Nullable Throwable error) {

		boolean blocked() {
			return !this.calls.isEmpty() || causes().anyMatch(
					(cause) -> cause instanceof BlockingOperationError || refusedByReactor(cause));
		}

		/**
		 * The methods ({@code Class.method}, binary class names) on the event loop's stack
		 * when it blocked: at each blocking call BlockHound caught, and where Reactor
		 * refused to block ({@code block()} checks the thread itself, and its exception is
		 * made on that thread).
		 */
		Set<String> methodsWhenBlocking() {
			Stream<StackTraceElement[]> refusals = causes().filter(Observation::refusedByReactor)
				.map(Throwable::getStackTrace);
			return Stream.concat(this.stacks.stream(), refusals)
				.flatMap(Arrays::stream)
				.map((frame) -> frame.getClassName() + "." + frame.getMethodName())
				.collect(Collectors.toSet());
		}

		private static boolean refusedByReactor(Throwable cause) {
			return cause instanceof IllegalStateException && String.valueOf(cause.getMessage())
				.contains("blocking, which is not supported in thread " + CorpusBlockHoundIntegration.THREAD_PREFIX);
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
