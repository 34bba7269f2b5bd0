package io.asyncmiddleware.test;

import java.util.List;

import io.asyncmiddleware.autoconfigure.AsyncMiddlewareAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.junit.platform.launcher.listeners.TestExecutionSummary.Failure;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Tests for {@link NoBlockingMiddleware}: gated test classes are run with the JUnit
 * Platform launcher and their outcome read.
 */
class NoBlockingMiddlewareTests {

	@Test
	void aClassWhoseChainBlocksFailsWithTheReportOfFailMode() {
		TestExecutionSummary summary = run(GatedBlockingApplication.class);
		assertThat(summary.getTotalFailureCount()).isOne();
		Failure failure = summary.getFailures().get(0);
		assertThat(failure.getException()).isInstanceOf(AssertionError.class)
			.hasMessageContaining("BLOCKING MIDDLEWARE IN THE STACK")
			.hasMessageContaining("'sleeping' (" + MiddlewareAssertionsTests.SleepingFilter.class.getName() + ")")
			.hasMessageContaining("java.lang.Thread.sleep")
			.hasMessageContaining("async-middleware.filters.sleeping.mode=isolate");
		// the class's test did not run
		assertThat(summary.getTestsSucceededCount()).isZero();
	}

	@Test
	void aClassWhoseChainDoesNotBlockRunsItsTests() {
		TestExecutionSummary summary = run(GatedNonBlockingApplication.class);
		assertThat(summary.getFailures()).extracting(Failure::getException).isEmpty();
		assertThat(summary.getTestsSucceededCount()).isOne();
	}

	private static TestExecutionSummary run(Class<?> testClass) {
		LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
			.selectors(List.of(selectClass(testClass)))
			.build();
		SummaryGeneratingListener listener = new SummaryGeneratingListener();
		System.setProperty(FIXTURES, "true");
		try {
			LauncherFactory.create().execute(request, listener);
		}
		finally {
			System.clearProperty(FIXTURES);
		}
		return listener.getSummary();
	}

	// The gated classes run only through the launcher above: a build that selects nested
	// classes (-Dtest=...) must not count the deliberately failing one.
	private static final String FIXTURES = "io.asyncmiddleware.test.gate-fixtures";

	@SpringBootTest(classes = BlockingApplication.class,
			properties = { "spring.main.web-application-type=reactive", "async-middleware.mode=adapt",
					"async-middleware.stack=sleeping" })
	@NoBlockingMiddleware
	@EnabledIfSystemProperty(named = FIXTURES, matches = "true")
	static class GatedBlockingApplication {

		@Test
		void anyTest() {
		}

	}

	@SpringBootTest(classes = NonBlockingApplication.class,
			properties = { "spring.main.web-application-type=reactive", "async-middleware.stack=tracing" })
	@NoBlockingMiddleware
	@EnabledIfSystemProperty(named = FIXTURES, matches = "true")
	static class GatedNonBlockingApplication {

		@Test
		void anyTest() {
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(AsyncMiddlewareAutoConfiguration.class)
	static class BlockingApplication {

		@Bean
		MiddlewareAssertionsTests.SleepingFilter sleeping() {
			return new MiddlewareAssertionsTests.SleepingFilter();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(AsyncMiddlewareAutoConfiguration.class)
	static class NonBlockingApplication {

		@Bean
		MiddlewareAssertionsTests.TracingFilter tracing() {
			return new MiddlewareAssertionsTests.TracingFilter();
		}

	}

}
