package io.asyncmiddleware.autoconfigure;

import java.time.Duration;

import io.asyncmiddleware.autoconfigure.StackFixtures.SleepingFilterConfiguration;
import io.asyncmiddleware.execution.AppliedMode;
import io.asyncmiddleware.stack.MiddlewareStack;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests that what the stack starts stops with its context: a DevTools restart (a new
 * context in the same JVM) must not leave a bulkhead's threads or the watchdog behind.
 */
class AsyncMiddlewareLifecycleTests {

	private static final String BULKHEAD_THREADS = "am-sleeping-";

	private static final String WATCHDOG_THREAD = "async-middleware-stall-watchdog";

	// platform threads: a pool started up front, the kind that leaks when nobody stops it
	private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AsyncMiddlewareAutoConfiguration.class))
		.withUserConfiguration(SleepingFilterConfiguration.class)
		.withPropertyValues("async-middleware.stack=sleeping", "async-middleware.mode=isolate",
				"async-middleware.isolate.virtual-threads=false", "async-middleware.isolate.max-concurrent=3");

	@Test
	void restartsLeaveNoBulkheadOrWatchdogThreads() {
		// contexts other test classes keep open (Spring's test context cache) have watchdogs too
		long otherWatchdogs = liveThreads(WATCHDOG_THREAD);
		for (int restart = 0; restart < 4; restart++) {
			this.runner.run((context) -> {
				MiddlewareStack stack = context.getBean(MiddlewareStack.class);
				assertThat(stack.getEntry("sleeping").orElseThrow().appliedMode()).isEqualTo(AppliedMode.ISOLATE);
				// the running context has its pool, and only its own
				assertThat(liveThreads(BULKHEAD_THREADS)).isEqualTo(3);
				assertThat(liveThreads(WATCHDOG_THREAD)).isEqualTo(otherWatchdogs + 1);
			});
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
				assertThat(liveThreads(BULKHEAD_THREADS)).isZero();
				assertThat(liveThreads(WATCHDOG_THREAD)).isEqualTo(otherWatchdogs);
			});
		}
	}

	@Test
	void closingTheContextDisposesTheStack() {
		MiddlewareStack[] stack = new MiddlewareStack[1];
		this.runner.run((context) -> {
			stack[0] = context.getBean(MiddlewareStack.class);
			assertThat(stack[0].isDisposed()).isFalse();
		});
		assertThat(stack[0].isDisposed()).isTrue();
	}

	private static long liveThreads(String namePrefix) {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.isAlive() && thread.getName().startsWith(namePrefix))
			.count();
	}

}
