package io.asyncmiddleware.detection.runtime;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongUnaryOperator;
import java.util.function.ToLongFunction;

import io.asyncmiddleware.metrics.EntryMetrics;
import io.asyncmiddleware.chain.ChainEntry;
import io.asyncmiddleware.chain.StackChain;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link EventLoopStallWatchdog}.
 */
@ExtendWith(OutputCaptureExtension.class)
class EventLoopStallWatchdogTests {

	private static final Duration SPIN = Duration.ofMillis(150);

	// how long a spin that waits for the watchdog's look goes on past SPIN, at most
	private static final Duration SAMPLE_WAIT = Duration.ofSeconds(3);

	// a thread that ran all along, whatever the machine gave it
	private static final ToLongFunction<Thread> WORKING = (thread) -> System.nanoTime();

	private final EntryMetrics metrics = new EntryMetrics();

	private final Map<String, EntryMetrics> metricsByEntry = new ConcurrentHashMap<>(
			Map.of("spinner", this.metrics, "fast", this.metrics));

	private EventLoopStallWatchdog watchdog;

	@AfterEach
	void stopWatchdog() {
		if (this.watchdog != null) {
			this.watchdog.stop();
		}
	}

	@Test
	void flagsAnEntryThatHoldsANonBlockingThread(CapturedOutput output) {
		this.watchdog = startWatchdog(Duration.ofMillis(10));
		StackChain filter = measured("spinner", SpinningFilter.untilSampled(), this.metrics, this.watchdog);
		filter.filter(exchange(), completingChain()).subscribeOn(Schedulers.parallel()).block(Duration.ofSeconds(5));
		// counted on the held thread as the entry handed over: no waiting for the watchdog
		assertThat(this.metrics.snapshot().stalls()).isOne();
		assertThat(this.metrics.snapshot().maxStall()).isGreaterThanOrEqualTo(SPIN);
		assertThat(this.metrics.snapshot().lastStallStack()).contains("at " + SpinningFilter.class.getName() + ".spin(");
		assertThat(output).contains("Entry 'spinner' (" + SpinningFilter.class.getName() + ") held event loop parallel-")
			.contains("(budget 10 ms); at ")
			.contains("at " + SpinningFilter.class.getName() + ".spin(");
	}

	@Test
	void oneStallIsOneEpisode(CapturedOutput output) {
		this.watchdog = startWatchdog(Duration.ofMillis(10));
		StackChain filter = measured("spinner", new SpinningFilter(), this.metrics, this.watchdog);
		filter.filter(exchange(), completingChain()).subscribeOn(Schedulers.parallel()).block(Duration.ofSeconds(5));
		assertThat(this.metrics.snapshot().stalls()).isOne();
		pause(Duration.ofMillis(100));
		assertThat(this.metrics.snapshot().stalls()).isOne();
		assertThat(output.getOut().split("Entry 'spinner'", -1)).hasSize(2);
	}

	@Test
	void doesNotFlagAFastEntry(CapturedOutput output) {
		Duration threshold = Duration.ofMillis(50);
		this.watchdog = startWatchdog(threshold);
		WebFilter fast = (exchange, chain) -> chain.filter(exchange);
		StackChain filter = measured("fast", fast, this.metrics, this.watchdog);
		for (int i = 0; i < 20; i++) {
			filter.filter(exchange(), completingChain()).subscribeOn(Schedulers.parallel()).block(Duration.ofSeconds(5));
		}
		// an entry that did not let go of the thread would be flagged by now
		pause(threshold.multipliedBy(4));
		assertThat(this.metrics.snapshot().requests()).isEqualTo(20);
		assertThat(this.metrics.snapshot().stalls()).isZero();
		assertThat(output).doesNotContain("Entry 'fast'");
	}

	@Test
	void timeInTheRestOfTheChainIsNotAStallOfTheEntry(CapturedOutput output) {
		this.watchdog = startWatchdog(Duration.ofMillis(10));
		EntryMetrics outerMetrics = this.metricsByEntry.computeIfAbsent("outer", (name) -> new EntryMetrics());
		StackChain outer = measured("outer", (exchange, chain) -> chain.filter(exchange),
				outerMetrics, this.watchdog);
		StackChain spinner = measured("spinner", new SpinningFilter(), this.metrics,
				this.watchdog);
		outer.filter(exchange(), (exchange) -> spinner.filter(exchange, completingChain()))
			.subscribeOn(Schedulers.parallel())
			.block(Duration.ofSeconds(5));
		assertThat(this.metrics.snapshot().stalls()).isOne();
		assertThat(outerMetrics.snapshot().stalls()).isZero();
		assertThat(output).doesNotContain("Entry 'outer'");
	}

	@Test
	void ignoresEntriesOfAnotherWatchdog(CapturedOutput output) {
		this.watchdog = startWatchdog(Duration.ofMillis(10));
		EventLoopStallWatchdog other = new EventLoopStallWatchdog(Duration.ofMillis(10), (name) -> this.metrics);
		StackChain filter = measured("spinner", new SpinningFilter(), this.metrics, other);
		filter.filter(exchange(), completingChain()).subscribeOn(Schedulers.parallel()).block(Duration.ofSeconds(5));
		pause(Duration.ofMillis(100));
		assertThat(this.metrics.snapshot().stalls()).isZero();
		assertThat(output).doesNotContain("Entry 'spinner'");
	}

	@Test
	void namesTheNettyEventLoopAnEntryHeld(CapturedOutput output) {
		this.watchdog = startWatchdog(Duration.ofMillis(10));
		StackChain filter = measured("spinner", new SpinningFilter(), this.metrics, this.watchdog);
		HttpHandler handler = WebHttpHandlerBuilder.webHandler((exchange) -> exchange.getResponse().setComplete())
			.filter(filter)
			.build();
		DisposableServer server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.handle(new ReactorHttpHandlerAdapter(handler))
			.bindNow();
		try {
			WebTestClient.bindToServer()
				.baseUrl("http://127.0.0.1:" + server.port())
				.build()
				.get()
				.uri("/")
				.exchange()
				.expectStatus()
				.isOk();
		}
		finally {
			server.disposeNow();
		}
		// a cold server's first request may hold the loop twice (the spin, and class loading
		// or JIT around it): this test is about naming the loop, not counting
		assertThat(this.metrics.snapshot().stalls()).isPositive();
		assertThat(output).contains("Entry 'spinner' (" + SpinningFilter.class.getName() + ") held event loop reactor-http-");
	}

	@Test
	void classLoadingOfAColdJvmIsAWarmUpHoldNotAStall(CapturedOutput output) {
		ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
			.getLogger(EventLoopStallWatchdog.class);
		ch.qos.logback.classic.Level level = logger.getLevel();
		logger.setLevel(ch.qos.logback.classic.Level.DEBUG);
		try {
			this.watchdog = startWatchdog(Duration.ofMillis(10));
			StackChain filter = measured("spinner", new ClassLoadingFilter(), this.metrics, this.watchdog);
			// a loop of its own: nothing left over from other tests runs on it
			Scheduler loop = Schedulers.newParallel("cold-loop", 1);
			try {
				filter.filter(exchange(), completingChain()).subscribeOn(loop).block(Duration.ofSeconds(5));
				assertThat(this.metrics.snapshot().warmUpHolds()).isOne();
				assertThat(this.metrics.snapshot().stalls()).isZero();
			}
			finally {
				loop.dispose();
			}
		}
		finally {
			logger.setLevel(level);
		}
		assertThat(output).contains("while loading or linking classes (a cold JVM warming up, not blocking)")
			.contains("at " + SlowClassLoader.class.getName() + ".findClass(");
		assertThat(output.getOut()).as("output").doesNotContainPattern("WARN.*Entry 'spinner'");
	}

	@Test
	void aHoldOverBudgetIsCountedBeforeTheRestOfTheChainRuns() {
		this.watchdog = startWatchdog(Duration.ofMillis(10));
		StackChain filter = measured("spinner", new SpinningFilter(), this.metrics, this.watchdog);
		long[] stallsSeenDownstream = { -1 };
		filter.filter(exchange(), (exchange) -> {
			stallsSeenDownstream[0] = this.metrics.snapshot().stalls();
			return Mono.empty();
		}).subscribeOn(Schedulers.parallel()).block(Duration.ofSeconds(5));
		assertThat(stallsSeenDownstream[0]).isOne();
	}

	@Test
	void anEntryWhoseVerdictIsUncertainHasTheLowerBudget(CapturedOutput output) {
		this.watchdog = startWatchdog(new EventLoopStallWatchdog(Duration.ofMillis(50), Duration.ofMillis(2), Duration.ZERO, 0,
				this.metricsByEntry::get, WORKING));
		assertThat(this.watchdog.budgetFor(io.asyncmiddleware.detection.Verdict.Certainty.HIGH))
			.isEqualTo(Duration.ofMillis(50));
		assertThat(this.watchdog.budgetFor(io.asyncmiddleware.detection.Verdict.Certainty.LOW))
			.isEqualTo(Duration.ofMillis(2));
		SpinningFilter spinner = new SpinningFilter(Duration.ofMillis(20));
		StackChain certain = measured("fast", spinner, this.metrics, this.watchdog);
		EntryMetrics uncertainMetrics = this.metricsByEntry.computeIfAbsent("uncertain", (name) -> new EntryMetrics());
		StackChain uncertain = StackChain.of(new ChainEntry("uncertain", spinner, uncertainMetrics,
				new EventLoopHolder("uncertain", SpinningFilter.class, this.watchdog,
						this.watchdog.budgetFor(io.asyncmiddleware.detection.Verdict.Certainty.LOW).toNanos())));
		certain.filter(exchange(), completingChain()).subscribeOn(Schedulers.parallel()).block(Duration.ofSeconds(5));
		uncertain.filter(exchange(), completingChain()).subscribeOn(Schedulers.parallel()).block(Duration.ofSeconds(5));
		assertThat(this.metrics.snapshot().stalls()).isZero();
		assertThat(uncertainMetrics.snapshot().stalls()).isOne();
		assertThat(output).contains("Entry 'uncertain' (" + SpinningFilter.class.getName() + ") held event loop")
			.contains("(budget 2 ms, the verdict is not certain)")
			.doesNotContain("Entry 'fast'");
	}

	@Test
	void holdsWithoutABlockingCallInTheFirstRequestsAreWarmUp(CapturedOutput output) {
		this.watchdog = startWatchdog(
				new EventLoopStallWatchdog(Duration.ofMillis(10), Duration.ofMillis(10), Duration.ZERO, 2,
						this.metricsByEntry::get));
		SpinningFilter spinner = new SpinningFilter(Duration.ofMillis(40));
		StackChain filter = measured("spinner", spinner, this.metrics, this.watchdog);
		for (int i = 0; i < 2; i++) {
			filter.filter(exchange(), completingChain()).subscribeOn(Schedulers.parallel()).block(Duration.ofSeconds(5));
		}
		assertThat(this.metrics.snapshot().warmUpHolds()).isEqualTo(2);
		assertThat(this.metrics.snapshot().stalls()).isZero();
		assertThat(output.getOut()).doesNotContainPattern("WARN.*Entry 'spinner'");
		// past the window: a stall (WARNed if the watchdog sampled it, which a busy machine
		// may not let it do within the spin)
		filter.filter(exchange(), completingChain()).subscribeOn(Schedulers.parallel()).block(Duration.ofSeconds(5));
		assertThat(this.metrics.snapshot().warmUpHolds()).isEqualTo(2);
		assertThat(this.metrics.snapshot().stalls()).isOne();
	}

	@Test
	void holdsWithoutABlockingCallInTheWarmUpPeriodAreWarmUp(CapturedOutput output) {
		this.watchdog = startWatchdog(new EventLoopStallWatchdog(Duration.ofMillis(10), Duration.ofMillis(10),
				Duration.ofMinutes(1), 0, this.metricsByEntry::get));
		StackChain filter = measured("spinner", new SpinningFilter(Duration.ofMillis(40)), this.metrics, this.watchdog);
		filter.filter(exchange(), completingChain()).subscribeOn(Schedulers.parallel()).block(Duration.ofSeconds(5));
		assertThat(this.metrics.snapshot().warmUpHolds()).isOne();
		assertThat(this.metrics.snapshot().stalls()).isZero();
		assertThat(output.getOut()).doesNotContainPattern("WARN.*Entry 'spinner'");
	}

	@Test
	void aHoldWhoseThreadBarelyRanIsCountedButTheEntryIsNotBlamed(CapturedOutput output) {
		// the thread's CPU time stands still: the operating system gave it no CPU
		this.watchdog = startWatchdog(new EventLoopStallWatchdog(Duration.ofMillis(10), Duration.ofMillis(10),
				Duration.ZERO, 0, this.metricsByEntry::get, (thread) -> 0L));
		StackChain filter = measured("spinner", new SpinningFilter(), this.metrics, this.watchdog);
		filter.filter(exchange(), completingChain()).subscribeOn(Schedulers.parallel()).block(Duration.ofSeconds(5));
		// the loop was held: counted
		assertThat(this.metrics.snapshot().stalls()).isOne();
		// not the entry's doing: no WARN, no stack to act on
		assertThat(this.metrics.snapshot().lastStallStack()).isNull();
		assertThat(output.getOut()).doesNotContainPattern("WARN.*Entry 'spinner'");
	}

	@Test
	void aPreemptedHoldFirstSeenPastItsBudgetIsNotBlamed() {
		// the thread's CPU time stands still
		assertThat(judgeAHoldFirstSeenPastItsBudget((now) -> 0L)).isNull();
	}

	@Test
	void aWorkingHoldFirstSeenPastItsBudgetIsAStall() {
		// the thread's CPU time keeps pace with the clock
		// blamed: its stack kept (the spin's loop, caught wherever the sample found it)
		assertThat(judgeAHoldFirstSeenPastItsBudget((now) -> now)).contains(EventLoopStallWatchdogTests.class.getName());
	}

	/**
	 * The watchdog's first look at a hold comes after the budget, as on a busy machine
	 * that gave the watchdog no CPU in time: with no CPU mark yet that look gives no
	 * verdict, the next one does. The watchdog is not started; the test checks by hand.
	 * @return the stall stack the entry's metrics hold after the second check
	 */
	private @Nullable String judgeAHoldFirstSeenPastItsBudget(
			LongUnaryOperator cpuAt) {
		AtomicLong clock = new AtomicLong();
		EventLoopStallWatchdog checkedByHand = new EventLoopStallWatchdog(Duration.ofMillis(10),
				Duration.ofMillis(10), Duration.ZERO, 0, this.metricsByEntry::get,
				(thread) -> cpuAt.applyAsLong(clock.get()));
		CountDownLatch holding = new CountDownLatch(1);
		AtomicBoolean checked = new AtomicBoolean();
		WebFilter spinner = (exchange, chain) -> {
			holding.countDown();
			long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
			while (!checked.get() && System.nanoTime() < end) {
				SpinningFilter.spin(Duration.ofMillis(1));
			}
			return chain.filter(exchange);
		};
		CompletableFuture<Void> request = measured("spinner", spinner, this.metrics,
				checkedByHand)
			.filter(exchange(), completingChain())
			.subscribeOn(Schedulers.parallel())
			.toFuture();
		try {
			assertThat(holding.await(5, TimeUnit.SECONDS)).isTrue();
			pause(Duration.ofMillis(50));
			check(checkedByHand, clock);
			assertThat(this.metrics.snapshot().lastStallStack()).isNull();
			pause(Duration.ofMillis(5));
			check(checkedByHand, clock);
			return this.metrics.snapshot().lastStallStack();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		finally {
			checked.set(true);
			request.join();
		}
	}

	private static void check(EventLoopStallWatchdog watchdog, AtomicLong clock) {
		long now = System.nanoTime();
		clock.set(now);
		watchdog.check(now);
	}

	@Test
	void aHoldWhoseThreadRanIsAStall(CapturedOutput output) {
		// the thread's CPU time keeps pace with the clock: it was working all along
		this.watchdog = startWatchdog(new EventLoopStallWatchdog(Duration.ofMillis(10), Duration.ofMillis(10),
				Duration.ZERO, 0, this.metricsByEntry::get, WORKING));
		StackChain filter = measured("spinner", new SpinningFilter(), this.metrics, this.watchdog);
		filter.filter(exchange(), completingChain()).subscribeOn(Schedulers.parallel()).block(Duration.ofSeconds(5));
		assertThat(this.metrics.snapshot().stalls()).isOne();
		assertThat(this.metrics.snapshot().lastStallStack()).contains("at " + SpinningFilter.class.getName() + ".spin(");
		assertThat(output).contains("Entry 'spinner' (" + SpinningFilter.class.getName() + ") held event loop parallel-");
	}

	@Test
	void aBlockedThreadIsNotWarmingUp() {
		StackTraceElement entry = new StackTraceElement(SpinningFilter.class.getName(), "filter", null, -1);
		StackTraceElement sleep = new StackTraceElement("java.lang.Thread", "sleep0", null, -2);
		StackTraceElement read = new StackTraceElement("sun.nio.ch.UnixFileDispatcherImpl", "read0", null, -2);
		StackTraceElement hashCode = new StackTraceElement("java.lang.Object", "hashCode", null, -2);
		StackTraceElement spin = new StackTraceElement(SpinningFilter.class.getName(), "spin", null, 10);
		assertThat(BlockingFrames.isBlocking(Thread.State.TIMED_WAITING, java.util.List.of(spin, entry))).isTrue();
		assertThat(BlockingFrames.isBlocking(Thread.State.RUNNABLE, java.util.List.of(sleep, entry))).isTrue();
		assertThat(BlockingFrames.isBlocking(Thread.State.RUNNABLE, java.util.List.of(read, entry))).isTrue();
		assertThat(BlockingFrames.isBlocking(Thread.State.RUNNABLE, java.util.List.of(hashCode, entry))).isFalse();
		assertThat(BlockingFrames.isBlocking(Thread.State.RUNNABLE, java.util.List.of(spin, entry))).isFalse();
		// a contended monitor on a cold JVM: another thread filling a cache, mostly
		assertThat(BlockingFrames.isBlocking(Thread.State.BLOCKED, java.util.List.of(spin, entry))).isFalse();
	}

	@Test
	void coldJvmFramesAreOnlyThoseAboveTheEntry() {
		StackTraceElement loading = new StackTraceElement("java.lang.ClassLoader", "loadClass", null, -1);
		StackTraceElement entry = new StackTraceElement(SpinningFilter.class.getName(), "filter", null, -1);
		StackTraceElement spin = new StackTraceElement(SpinningFilter.class.getName(), "spin", null, -1);
		assertThat(ColdJvmFrames.isLoadingOrLinking(java.util.List.of(loading, entry), SpinningFilter.class)).isTrue();
		assertThat(ColdJvmFrames.isLoadingOrLinking(java.util.List.of(spin, entry, loading), SpinningFilter.class))
			.isFalse();
	}

	// the entry as the composed chain runs it: measured, holding the thread while it runs
	private static StackChain measured(String name, WebFilter filter, EntryMetrics metrics,
			EventLoopStallWatchdog watchdog) {
		return StackChain.of(ChainEntry.of(name, filter, metrics, watchdog));
	}

	// the held thread's CPU time keeps pace with the clock: these tests are about holds of
	// a working thread, which a busy machine must not turn into preempted ones (the share
	// of a preempted thread has tests of its own, with a clock that stands still)
	private EventLoopStallWatchdog startWatchdog(Duration threshold) {
		return startWatchdog(new EventLoopStallWatchdog(threshold, threshold, Duration.ZERO, 0,
				this.metricsByEntry::get, WORKING));
	}

	private static EventLoopStallWatchdog startWatchdog(EventLoopStallWatchdog started) {
		started.start();
		assertThat(started.isRunning()).isTrue();
		return started;
	}

	// the test thread is the JUnit main thread: waiting here blocks no event loop
	private static void pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static ServerWebExchange exchange() {
		return MockServerWebExchange.from(MockServerHttpRequest.get("/"));
	}

	private static WebFilterChain completingChain() {
		return (exchange) -> Mono.empty();
	}

	/**
	 * Holds the thread with CPU work (a sleep would be caught by BlockHound instead).
	 */
	static class SpinningFilter implements WebFilter {

		static volatile long spins;

		private final Duration duration;

		private final boolean untilSampled;

		SpinningFilter() {
			this(SPIN);
		}

		SpinningFilter(Duration duration) {
			this(duration, false);
		}

		private SpinningFilter(Duration duration, boolean untilSampled) {
			this.duration = duration;
			this.untilSampled = untilSampled;
		}

		/**
		 * Spins for {@link #SPIN} and on until the watchdog has taken the hold's stack,
		 * for tests that assert on what the stack showed.
		 */
		static SpinningFilter untilSampled() {
			return new SpinningFilter(SPIN, true);
		}

		@Override
		public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
			if (this.untilSampled) {
				spinUntilSampled(this.duration);
			}
			else {
				spin(this.duration);
			}
			return chain.filter(exchange);
		}

		/**
		 * Spins for at least {@code duration}, then until the watchdog has sampled the
		 * current hold (at most {@link #SAMPLE_WAIT} more): a watchdog thread starved on
		 * a loaded CI machine may miss a hold of fixed length, and a hold it never looked
		 * at counts as a stall whatever the stack showed.
		 */
		static void spinUntilSampled(Duration duration) {
			spin(duration);
			EventLoopHold hold = EventLoopHold.ofCurrentThread();
			assertThat(hold).as("a hold on a non-blocking thread").isNotNull();
			EventLoopHolder holder = hold.holder();
			long since = hold.since();
			long end = System.nanoTime() + SAMPLE_WAIT.toNanos();
			while (holder != null && hold.sampleOf(holder, since) == null && System.nanoTime() < end) {
				spins++;
			}
		}

		static void spin(Duration duration) {
			long end = System.nanoTime() + duration.toNanos();
			// no Thread.onSpinWait(): BlockHound counts it as blocking
			while (System.nanoTime() < end) {
				spins++;
			}
		}

	}

	/**
	 * Holds the thread while loading a class, the way a cold JVM's first request does.
	 */
	static class ClassLoadingFilter implements WebFilter {

		@Override
		public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
			try {
				new SlowClassLoader().loadClass("io.asyncmiddleware.detection.runtime.NotThere");
			}
			catch (ClassNotFoundException ex) {
				// expected: only the time spent loading matters
			}
			return chain.filter(exchange);
		}

	}

	/**
	 * A class loader that takes its time to find a class (with CPU, not sleeping).
	 */
	static class SlowClassLoader extends ClassLoader {

		SlowClassLoader() {
			super(null);
		}

		@Override
		protected Class<?> findClass(String name) throws ClassNotFoundException {
			SpinningFilter.spinUntilSampled(SPIN);
			throw new ClassNotFoundException(name);
		}

	}

}
