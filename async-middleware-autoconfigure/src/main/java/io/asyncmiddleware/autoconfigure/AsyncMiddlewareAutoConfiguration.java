package io.asyncmiddleware.autoconfigure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.asyncmiddleware.detection.BlockingApiCatalogue;
import io.asyncmiddleware.detection.BlockingFilterDetector;
import io.asyncmiddleware.detection.runtime.EventLoopStallWatchdog;
import io.asyncmiddleware.execution.AdaptSettings;
import io.asyncmiddleware.execution.BulkheadSettings;
import io.asyncmiddleware.execution.EntryInstaller;
import io.asyncmiddleware.execution.ExecutionMode;
import io.asyncmiddleware.handler.HandlerResolver;
import io.asyncmiddleware.handler.ViewPhaseHandlerMapping;
import io.asyncmiddleware.request.RequestDataLimits;
import io.asyncmiddleware.stack.BuiltInMiddleware;
import io.asyncmiddleware.stack.MiddlewareStack;
import io.asyncmiddleware.stack.MiddlewareStackAssembler;
import io.asyncmiddleware.stack.StackEntry;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebHttpHandlerBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.web.reactive.server.MockServerConfigurer;
import org.springframework.web.reactive.DispatcherHandler;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of the middleware stack: judges every {@code WebFilter} at startup,
 * applies the configured mode to blocking ones, and orders the chain as
 * {@code async-middleware.stack} declares.
 */
@AutoConfiguration(before = HttpHandlerAutoConfiguration.class)
@ConditionalOnClass({ WebHttpHandlerBuilder.class, WebHttpHandlerBuilderCustomizer.class })
@ConditionalOnAsyncMiddleware
@EnableConfigurationProperties(AsyncMiddlewareProperties.class)
public final class AsyncMiddlewareAutoConfiguration {

	/** Spring Security's chain under its bean names (Security 5/6, and 7.x) and the README's old advice. */
	private static final Set<String> SPRING_SECURITY_ALIASES = Set.of("springSecurityWebFilterChainFilter",
			"org.springframework.security.config.annotation.web.reactive.WebFluxSecurityConfiguration.WebFilterChainFilter");

	@Bean
	@ConditionalOnMissingBean
	BlockingFilterDetector blockingFilterDetector(AsyncMiddlewareProperties properties,
			ConfigurableListableBeanFactory beanFactory) {
		AsyncMiddlewareProperties.Detection detection = properties.getDetection();
		BlockingApiCatalogue catalogue = BlockingApiCatalogue.defaults()
			.including(detection.getBlockingApis())
			.excluding(detection.getAllowedApis());
		List<String> scope = new ArrayList<>(detection.getIncludePackages());
		if (AutoConfigurationPackages.has(beanFactory)) {
			scope.addAll(AutoConfigurationPackages.get(beanFactory));
		}
		return new BlockingFilterDetector(catalogue, scope, detection.getMaxDepth(), beanFactory.getBeanClassLoader());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = "async-middleware.detection.runtime.watchdog", matchIfMissing = true)
	EventLoopStallWatchdog eventLoopStallWatchdog(AsyncMiddlewareProperties properties,
			ObjectProvider<MiddlewareStack> stack) {
		AsyncMiddlewareProperties.Runtime runtime = properties.getDetection().getRuntime();
		return new EventLoopStallWatchdog(runtime.getStallThreshold(), runtime.getUncertainBudget(),
				runtime.getWarmUpPeriod(), runtime.getWarmUpRequests(), (name) -> stack.getObject().getEntry(name).map(StackEntry::metrics).orElse(null));
	}

	// dispose() is not a method Spring infers; without it every bulkhead's threads outlive
	// the context (a DevTools restart would leak them)
	@Bean(destroyMethod = "dispose")
	MiddlewareStack middlewareStack(AsyncMiddlewareProperties properties, BlockingFilterDetector detector,
			ConfigurableListableBeanFactory beanFactory, ObjectProvider<BuiltInMiddleware> builtIns,
			ObjectProvider<EventLoopStallWatchdog> watchdog, ObjectProvider<HandlerResolver> handlerResolver,
			ObjectProvider<ViewPhaseHandlerMapping> viewPhase) {
		AsyncMiddlewareProperties.Adapt adapt = properties.getAdapt();
		// its own threads: Reactor's shared boundedElastic also creates sessions and checks
		// passwords, which one slow adapted entry must not starve
		EntryInstaller installer = new EntryInstaller(
				() -> Schedulers.newBoundedElastic(adapt.getThreads(), adapt.getMaxQueued(), "am-adapt", 60, true),
				(name) -> adaptSettings(properties, name), (name) -> bulkheadSettings(properties, name), watchdog.getIfAvailable(),
				handlerResolver.getIfAvailable());
		MiddlewareStackAssembler assembler = new MiddlewareStackAssembler(stackNames(properties.getStack()),
				properties.getMode(),
				(name) -> modeOf(properties, name), properties.getOrder(), detector, installer,
				properties.getFilters().keySet());
		assembler.setViewPhase(viewPhase.getIfAvailable() != null && dispatchesWithMappings(beanFactory));
		Map<String, BuiltInMiddleware> builtInsByName = new LinkedHashMap<>();
		builtIns.orderedStream().forEach((builtIn) -> builtInsByName.put(builtIn.name(), builtIn));
		MiddlewareStack stack = assembler.assemble(new FilterDiscovery(beanFactory).discover(), builtInsByName);
		AsyncMiddlewareProperties.Request request = properties.getRequest();
		RequestDataLimits limits = new RequestDataLimits(request.getDataUploadMaxMemorySize().toBytes(),
				request.getDataUploadMaxNumberFields(), request.getDataUploadMaxNumberFiles());
		stack.getComposedStack().ifPresent((composed) -> composed.setRequestDataLimits(limits));
		return stack;
	}

	@Bean
	RuntimeDetectionRegistrations runtimeDetectionRegistrations(MiddlewareStack stack,
			AsyncMiddlewareProperties properties) {
		return new RuntimeDetectionRegistrations(stack, properties.getDetection().getRuntime().isBlockhound());
	}

	@Bean
	MiddlewareStackStartupReport middlewareStackStartupReport(MiddlewareStack stack) {
		return new MiddlewareStackStartupReport(stack);
	}

	@Bean
	WebHttpHandlerBuilderCustomizer middlewareStackWebHttpHandlerBuilderCustomizer(MiddlewareStack stack) {
		return new MiddlewareStackCustomizer(stack);
	}

	// the view position is a mapping: it runs only when the application's web handler is
	// the DispatcherHandler (not, say, a RouterFunction turned into a WebHandler)
	private static boolean dispatchesWithMappings(ConfigurableListableBeanFactory beanFactory) {
		String webHandler = WebHttpHandlerBuilder.WEB_HANDLER_BEAN_NAME;
		return beanFactory.containsBean(webHandler) && beanFactory.isTypeMatch(webHandler, DispatcherHandler.class);
	}

	// Spring Security's chain is 'spring-security'; the names it went by before still work
	private static List<String> stackNames(List<String> declared) {
		return declared.stream()
			.map((name) -> SPRING_SECURITY_ALIASES.contains(name) ? FilterDiscovery.SPRING_SECURITY : name)
			.toList();
	}

	private static ExecutionMode modeOf(AsyncMiddlewareProperties properties, String name) {
		AsyncMiddlewareProperties.Entry entry = properties.getFilters().get(name);
		return (entry != null && entry.getMode() != null) ? entry.getMode() : properties.getMode();
	}

	private static AdaptSettings adaptSettings(AsyncMiddlewareProperties properties, String name) {
		AsyncMiddlewareProperties.Adapt defaults = properties.getAdapt();
		AsyncMiddlewareProperties.Entry entry = properties.getFilters().get(name);
		return new AdaptSettings((entry != null && entry.getTimeout() != null) ? entry.getTimeout()
				: defaults.getTimeout(), defaults.getRetryAfter());
	}

	private static BulkheadSettings bulkheadSettings(AsyncMiddlewareProperties properties, String name) {
		AsyncMiddlewareProperties.Isolate defaults = properties.getIsolate();
		AsyncMiddlewareProperties.Entry entry = properties.getFilters()
			.getOrDefault(name, new AsyncMiddlewareProperties.Entry());
		return new BulkheadSettings(
				(entry.getMaxConcurrent() != null) ? entry.getMaxConcurrent() : defaults.getMaxConcurrent(),
				(entry.getMaxQueued() != null) ? entry.getMaxQueued() : defaults.getMaxQueued(),
				(entry.getTimeout() != null) ? entry.getTimeout() : defaults.getTimeout(), defaults.getRetryAfter(),
				defaults.getVirtualThreads().enabled());
	}

	/**
	 * Applies the stack to {@code WebTestClient.bindToApplicationContext(...)} too, which
	 * builds its handler without Boot's customizers (e.g. in {@code @WebFluxTest}).
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MockServerConfigurer.class)
	static class MockServerConfiguration {

		@Bean
		MockServerConfigurer middlewareStackMockServerConfigurer(MiddlewareStack stack) {
			MiddlewareStackCustomizer customizer = new MiddlewareStackCustomizer(stack);
			return new MockServerConfigurer() {

				@Override
				public void beforeServerCreated(WebHttpHandlerBuilder builder) {
					customizer.customize(builder);
				}

			};
		}

	}

}
