package io.asyncmiddleware.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.asyncmiddleware.autoconfigure.StackFixtures.AuditHooksConfiguration;
import io.asyncmiddleware.autoconfigure.StackFixtures.BuiltInEntries;
import io.asyncmiddleware.autoconfigure.StackFixtures.SleepingFilterConfiguration;
import io.asyncmiddleware.autoconfigure.StackFixtures.TracingFilters;
import io.asyncmiddleware.chain.ComposedStackWebFilter;
import io.asyncmiddleware.chain.StackChain;
import io.asyncmiddleware.detection.Verdict;
import io.asyncmiddleware.detection.runtime.EventLoopStallWatchdog;
import io.asyncmiddleware.execution.AppliedMode;
import io.asyncmiddleware.execution.ExecutionMode;
import io.asyncmiddleware.execution.VirtualThreads;
import io.asyncmiddleware.handler.HandlerResolver;
import io.asyncmiddleware.stack.BlockingMiddlewareException;
import io.asyncmiddleware.stack.BuiltInMiddleware;
import io.asyncmiddleware.stack.InvalidStackException;
import io.asyncmiddleware.stack.MiddlewareStack;
import io.asyncmiddleware.stack.Placement;
import io.asyncmiddleware.stack.StackEntry;
import io.asyncmiddleware.stack.UnknownMiddlewareException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webflux.autoconfigure.WebHttpHandlerBuilderCustomizer;
import org.springframework.core.Ordered;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AsyncMiddlewareAutoConfiguration}.
 */
@ExtendWith(OutputCaptureExtension.class)
class AsyncMiddlewareAutoConfigurationTests {

	private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AsyncMiddlewareAutoConfiguration.class));

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "true, ON", "false, OFF", "on, ON", "off, OFF", "auto, AUTO" })
	void virtualThreadsTakeTheOldBooleansAndAuto(String value, VirtualThreads expected) {
		this.runner.withPropertyValues("async-middleware.isolate.virtual-threads=" + value)
			.run((context) -> assertThat(context.getBean(AsyncMiddlewareProperties.class).getIsolate().getVirtualThreads())
				.isEqualTo(expected));
	}

	@Test
	void virtualThreadsDefaultToAuto() {
		this.runner.run((context) -> assertThat(
				context.getBean(AsyncMiddlewareProperties.class).getIsolate().getVirtualThreads())
			.isEqualTo(VirtualThreads.AUTO));
	}

	@Test
	void eachEntryGetsTheHoldBudgetOfItsVerdictsCertainty() {
		this.runner.withUserConfiguration(TracingFilters.class)
			.withPropertyValues("async-middleware.stack=second,first",
					"async-middleware.detection.runtime.stall-threshold=20ms",
					"async-middleware.detection.runtime.uncertain-budget=3ms")
			.run((context) -> {
				EventLoopStallWatchdog watchdog = context.getBean(EventLoopStallWatchdog.class);
				assertThat(watchdog.budgetFor(Verdict.Certainty.HIGH)).isEqualTo(Duration.ofMillis(20));
				assertThat(watchdog.budgetFor(Verdict.Certainty.LOW)).isEqualTo(Duration.ofMillis(3));
				assertThat(watchdog.budgetFor(Verdict.Certainty.NONE)).isEqualTo(Duration.ofMillis(3));
				List<StackEntry> entries = context.getBean(MiddlewareStack.class).getEntries();
				assertThat(entries).isNotEmpty().allSatisfy((entry) -> assertThat(entry.metrics().snapshot().holdBudget())
					.as(entry.describe())
					.isEqualTo(watchdog.budgetFor(entry.verdict().certainty())));
			});
	}

	@Test
	void noHoldBudgetWithoutTheWatchdog() {
		this.runner.withUserConfiguration(TracingFilters.class)
			.withPropertyValues("async-middleware.stack=second,first", "async-middleware.detection.runtime.watchdog=false")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(EventLoopStallWatchdog.class);
				assertThat(context.getBean(MiddlewareStack.class).getEntries())
					.allSatisfy((entry) -> assertThat(entry.metrics().snapshot().holdBudget()).isNull());
			});
	}

	@Test
	void backsOffWithoutAWebApplication() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(AsyncMiddlewareAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(MiddlewareStack.class));
	}

	@Test
	void backsOffInAServletApplication() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(AsyncMiddlewareAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(MiddlewareStack.class));
	}

	@Test
	void backsOffWithoutWebFlux() {
		this.runner.withClassLoader(new FilteredClassLoader(WebHttpHandlerBuilder.class))
			.run((context) -> assertThat(context).doesNotHaveBean(MiddlewareStack.class));
	}

	@Test
	void backsOffWhenDisabled() {
		this.runner.withPropertyValues("async-middleware.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(MiddlewareStack.class));
	}

	@Test
	void everyAutoConfigurationOfTheStarterBacksOffWhenDisabled() {
		// a disabled starter must leave the chain as it was: no entry, no view-phase filter
		List<String> starter = ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader())
			.getCandidates()
			.stream()
			.filter((candidate) -> candidate.startsWith("io.asyncmiddleware."))
			.toList();
		assertThat(starter).hasSizeGreaterThan(10);
		this.runner
			.withConfiguration(AutoConfigurations.of(starter.stream().map(this::load).toArray(Class<?>[]::new)))
			.withPropertyValues("async-middleware.enabled=false")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBeanNamesForType(WebFilter.class)).isEmpty();
				assertThat(context).doesNotHaveBean(BuiltInMiddleware.class)
					.doesNotHaveBean(HandlerResolver.class)
					.doesNotHaveBean(MiddlewareStack.class);
			});
	}

	@Test
	void everyAutoConfigurationOfTheStarterBacksOffInAServletApplication() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(starterAutoConfigurations().toArray(Class<?>[]::new)))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBeanNamesForType(WebFilter.class)).isEmpty();
				assertThat(context).doesNotHaveBean(BuiltInMiddleware.class)
					.doesNotHaveBean(HandlerResolver.class)
					.doesNotHaveBean(MiddlewareStack.class);
			});
	}

	private List<Class<?>> starterAutoConfigurations() {
		return ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader())
			.getCandidates()
			.stream()
			.filter((candidate) -> candidate.startsWith("io.asyncmiddleware."))
			.<Class<?>>map(this::load)
			.toList();
	}

	private Class<?> load(String className) {
		try {
			return Class.forName(className, false, getClass().getClassLoader());
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void ordersTheStackAsDeclaredAndKeepsOtherFiltersByTheirOrder() {
		this.runner.withUserConfiguration(TracingFilters.class)
			.withPropertyValues("async-middleware.stack=first,second", "async-middleware.order=0")
			.run((context) -> {
				MiddlewareStack stack = context.getBean(MiddlewareStack.class);
				assertThat(stack.getEntries()).extracting(StackEntry::name).containsExactly("early", "first", "second");
				assertThat(stack.getEntry("early")).get()
					.extracting(StackEntry::placement)
					.isEqualTo(Placement.OUTSIDE_STACK);
				assertThat(stack.getEntry("first")).get().extracting(StackEntry::placement).isEqualTo(Placement.STACK);
				assertThat(stack.getEntries()).extracting(StackEntry::position).containsExactly(0, 1, 2);
			});
	}

	@Test
	void theDeclaredStackRunsAsOneComposedFilterAmongTheOthersByOrder() {
		this.runner.withUserConfiguration(TracingFilters.class)
			.withPropertyValues("async-middleware.stack=first,second", "async-middleware.order=0")
			.run((context) -> {
				WebFilter before = new OrderedTracingFilter("before", -100);
				WebFilter after = new OrderedTracingFilter("after", 100);
				List<WebFilter> collected = new ArrayList<>(
						context.getBeansOfType(WebFilter.class).values());
				collected.add(0, after);
				collected.add(before);
				WebHttpHandlerBuilder builder = WebHttpHandlerBuilder
					.webHandler((exchange) -> exchange.getResponse().setComplete())
					.filters((filters) -> filters.addAll(collected));
				context.getBean(WebHttpHandlerBuilderCustomizer.class).customize(builder);
				List<WebFilter> arranged = new ArrayList<>();
				builder.filters(arranged::addAll);
				// the stack's two entries are one filter, measured outside ones each their own
				assertThat(arranged).hasSize(4);
				assertThat(arranged.get(0)).isInstanceOf(StackChain.class).hasToString("StackChain[early]");
				assertThat(arranged.get(1)).isSameAs(before);
				assertThat(arranged.get(2)).isInstanceOf(ComposedStackWebFilter.class)
					.hasToString("ComposedStackWebFilter[first, second]")
					.isSameAs(context.getBean(MiddlewareStack.class).getComposedStack().orElseThrow());
				assertThat(arranged.get(3)).isSameAs(after);
				WebTestClient.bindToWebHandler((exchange) -> exchange.getResponse().setComplete())
					.webFilter(arranged.toArray(new WebFilter[0]))
					.build()
					.get()
					.uri("/")
					.exchange()
					.expectHeader()
					.valueEquals("X-Trace", "early", "before", "first", "second", "after");
				MiddlewareStack stack = context.getBean(MiddlewareStack.class);
				assertThat(stack.getEntries()).allSatisfy(
						(entry) -> assertThat(entry.metrics().snapshot().requests()).as(entry.name()).isOne());
			});
	}

	static final class OrderedTracingFilter extends StackFixtures.TracingFilter implements Ordered {

		private final int order;

		OrderedTracingFilter(String name, int order) {
			super(name);
			this.order = order;
		}

		@Override
		public int getOrder() {
			return this.order;
		}

	}

	@Test
	void placesTheStackBlockByItsOrder() {
		this.runner.withUserConfiguration(TracingFilters.class)
			.withPropertyValues("async-middleware.stack=second", "async-middleware.order=7")
			.run((context) -> assertThat(context.getBean(MiddlewareStack.class).getEntries()).extracting(StackEntry::name)
				.containsExactly("early", "second", "first"));
	}

	@Test
	void addsBuiltInEntriesOnlyWhenTheStackNamesThem() {
		this.runner.withUserConfiguration(BuiltInEntries.class)
			.withPropertyValues("async-middleware.stack=tracing")
			.run((context) -> assertThat(context.getBean(MiddlewareStack.class).getEntries()).extracting(StackEntry::name)
				.containsExactly("tracing"));
	}

	@Test
	void unknownNameStopsStartupListingTheNamesThatExist() {
		this.runner.withUserConfiguration(TracingFilters.class, BuiltInEntries.class)
			.withPropertyValues("async-middleware.stack=first,csfr")
			.run((context) -> {
				assertThat(context).hasFailed();
				UnknownMiddlewareException ex = rootCause(context.getStartupFailure(), UnknownMiddlewareException.class);
				assertThat(ex.getUnknownNames()).containsExactly("csfr");
				assertThat(ex.getBuiltInNames()).contains("tracing", "dependent");
				assertThat(ex.getBeanNames()).contains("first", "second", "early");
				FailureAnalysis analysis = new InvalidStackFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("[csfr]", "tracing", "first");
			});
	}

	@Test
	void nameListedTwiceStopsStartup() {
		this.runner.withUserConfiguration(TracingFilters.class)
			.withPropertyValues("async-middleware.stack=first,second,first")
			.run((context) -> assertThat(rootCause(context.getStartupFailure(), InvalidStackException.class))
				.hasMessageContaining("'first' is listed more than once"));
	}

	@Test
	void entryBeforeTheOneItNeedsStopsStartup() {
		this.runner.withUserConfiguration(BuiltInEntries.class)
			.withPropertyValues("async-middleware.stack=dependent,tracing")
			.run((context) -> assertThat(rootCause(context.getStartupFailure(), InvalidStackException.class))
				.hasMessageContaining("'dependent' needs 'tracing' before it"));
	}

	@Test
	void perEntrySettingsForAnUnknownEntryStopStartup() {
		this.runner.withUserConfiguration(TracingFilters.class)
			.withPropertyValues("async-middleware.filters.frist.mode=adapt")
			.run((context) -> assertThat(rootCause(context.getStartupFailure(), InvalidStackException.class))
				.hasMessageContaining("async-middleware.filters.frist configures no filter"));
	}

	@Test
	void negativeLimitsStopStartupNamingTheProperty() {
		this.runner.withPropertyValues("async-middleware.isolate.max-concurrent=-1")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("'max-concurrent' must be greater than 0"));
		this.runner.withPropertyValues("async-middleware.isolate.max-queued=-5")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("'max-queued' must not be negative"));
		this.runner.withPropertyValues("async-middleware.filters.x.timeout=-1s")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("'timeout' must be positive"));
	}

	@Test
	void failModeStopsStartupWithTheEvidenceAndTheWaysOut() {
		this.runner.withUserConfiguration(SleepingFilterConfiguration.class)
			.withPropertyValues("async-middleware.stack=sleeping")
			.run((context) -> {
				BlockingMiddlewareException ex = rootCause(context.getStartupFailure(),
						BlockingMiddlewareException.class);
				assertThat(ex.getEntries()).singleElement().satisfies((entry) -> {
					assertThat(entry.name()).isEqualTo("sleeping");
					assertThat(entry.verdict().evidence()).singleElement()
						.hasToString("StackFixtures$SleepingFilter.filter(StackFixtures.java:52) -> java.lang.Thread.sleep");
				});
				FailureAnalysis analysis = new BlockingMiddlewareFailureAnalyzer()
					.analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("'sleeping'", "StackFixtures$SleepingFilter",
						"java.lang.Thread.sleep", "in async-middleware.stack");
				assertThat(analysis.getAction()).contains("async-middleware.filters.sleeping.mode=adapt",
						"async-middleware.filters.sleeping.mode=isolate", "@io.asyncmiddleware.detection.NonBlocking");
			});
	}

	@Test
	void failModeAlsoJudgesFiltersOutsideTheStack() {
		this.runner.withUserConfiguration(SleepingFilterConfiguration.class)
			.run((context) -> assertThat(rootCause(context.getStartupFailure(), BlockingMiddlewareException.class)
				.getEntries()).singleElement()
				.extracting(BlockingMiddlewareException.BlockingEntry::placement)
				.isEqualTo(Placement.OUTSIDE_STACK));
	}

	@Test
	void adaptModeAdaptsTheBlockingEntryWithOneWarning(CapturedOutput output) {
		this.runner.withUserConfiguration(SleepingFilterConfiguration.class, TracingFilters.class)
			.withPropertyValues("async-middleware.stack=first,sleeping", "async-middleware.mode=adapt")
			.run((context) -> {
				MiddlewareStack stack = context.getBean(MiddlewareStack.class);
				assertThat(stack.getEntry("sleeping")).get().satisfies((entry) -> {
					assertThat(entry.verdict().kind()).isEqualTo(Verdict.Kind.BLOCKING);
					assertThat(entry.configuredMode()).isEqualTo(ExecutionMode.ADAPT);
					assertThat(entry.appliedMode()).isEqualTo(AppliedMode.ADAPT);
				});
				assertThat(stack.getEntry("first")).get()
					.extracting(StackEntry::appliedMode)
					.isEqualTo(AppliedMode.DIRECT);
				assertThat(output).containsOnlyOnce("Middleware entry 'sleeping'")
					.contains("runs adapted", "java.lang.Thread.sleep");
			});
	}

	@Test
	void perEntryModeOverridesTheGlobalMode() {
		this.runner.withUserConfiguration(SleepingFilterConfiguration.class)
			.withPropertyValues("async-middleware.stack=sleeping", "async-middleware.filters.sleeping.mode=isolate",
					"async-middleware.filters.sleeping.max-concurrent=2")
			.run((context) -> assertThat(context.getBean(MiddlewareStack.class).getEntry("sleeping")).get()
				.extracting(StackEntry::appliedMode)
				.isEqualTo(AppliedMode.ISOLATE));
	}

	@Test
	void syncHooksAreBlockingByContract() {
		this.runner.withUserConfiguration(AuditHooksConfiguration.class)
			.withPropertyValues("async-middleware.stack=audit")
			.run((context) -> assertThat(rootCause(context.getStartupFailure(), BlockingMiddlewareException.class)
				.getEntries()).singleElement()
				.satisfies((entry) -> assertThat(entry.verdict().kind()).isEqualTo(Verdict.Kind.SYNC_HOOKS)));
		this.runner.withUserConfiguration(AuditHooksConfiguration.class)
			.withPropertyValues("async-middleware.stack=audit", "async-middleware.mode=adapt")
			.run((context) -> assertThat(context.getBean(MiddlewareStack.class).getEntry("audit")).get()
				.extracting(StackEntry::appliedMode)
				.isEqualTo(AppliedMode.ADAPT));
	}

	@Test
	void syncHooksOutsideTheStackDoNotRun(CapturedOutput output) {
		this.runner.withUserConfiguration(AuditHooksConfiguration.class).run((context) -> {
			assertThat(context.getBean(MiddlewareStack.class).getEntries()).isEmpty();
			assertThat(output).contains("SyncHooks bean 'audit' is not named in async-middleware.stack");
		});
	}

	private static <T extends Throwable> T rootCause(Throwable failure, Class<T> type) {
		Throwable candidate = failure;
		while (candidate != null) {
			if (type.isInstance(candidate)) {
				return type.cast(candidate);
			}
			candidate = candidate.getCause();
		}
		throw new AssertionError("No " + type.getSimpleName() + " in " + failure);
	}

	static List<String> names(MiddlewareStack stack) {
		return stack.getEntries().stream().map(StackEntry::name).toList();
	}

}
