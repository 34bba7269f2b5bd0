package io.asyncmiddleware.stack;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import io.asyncmiddleware.chain.ChainEntry;
import io.asyncmiddleware.chain.ComposedStackWebFilter;
import io.asyncmiddleware.chain.StackChain;
import io.asyncmiddleware.detection.BlockingFilterDetector;
import io.asyncmiddleware.detection.Evidence;
import io.asyncmiddleware.detection.Verdict;
import io.asyncmiddleware.execution.AppliedMode;
import io.asyncmiddleware.execution.EntryInstaller;
import io.asyncmiddleware.execution.ExecutionMode;
import io.asyncmiddleware.metrics.EntryMetrics;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.support.AopUtils;
import org.springframework.web.server.WebFilter;

/**
 * Turns the declared stack and the filters found in the context into the chain that
 * runs: resolves names, checks Django's ordering rules, judges every filter, applies each
 * blocking entry's mode, and orders the result.
 *
 * <p>Every {@code WebFilter} is judged, inside the stack or not, so a blocking filter
 * cannot hide by staying out of the list.
 */
public final class MiddlewareStackAssembler {

	private static final Log logger = LogFactory.getLog(MiddlewareStackAssembler.class);

	private final List<String> declared;

	private final ExecutionMode mode;

	private final Function<String, ExecutionMode> modeByEntry;

	private final int stackOrder;

	private final BlockingFilterDetector detector;

	private final EntryInstaller installer;

	private final Set<String> configuredEntries;

	private boolean viewPhase;

	/**
	 * Creates an assembler.
	 * @param declared the names in {@code async-middleware.stack}
	 * @param mode the global mode
	 * @param modeByEntry the configured mode of an entry by name (falls back to the global)
	 * @param stackOrder the order of the stack block among other filters
	 * @param detector judges each filter
	 * @param installer wraps each filter for its mode and measurement
	 * @param configuredEntries the names under {@code async-middleware.filters}; each must
	 * name a filter of the chain
	 */
	public MiddlewareStackAssembler(List<String> declared, ExecutionMode mode,
			Function<String, ExecutionMode> modeByEntry, int stackOrder, BlockingFilterDetector detector,
			EntryInstaller installer, Set<String> configuredEntries) {
		this.declared = List.copyOf(declared);
		this.mode = mode;
		this.modeByEntry = modeByEntry;
		this.stackOrder = stackOrder;
		this.detector = detector;
		this.installer = installer;
		this.configuredEntries = Set.copyOf(configuredEntries);
	}

	/**
	 * Says whether the view position ({@link io.asyncmiddleware.handler.ViewPhaseHandlerMapping})
	 * runs at dispatch, after every filter: entries then defer their view-level refusals to
	 * it, as Django's {@code process_view} responses pass out through every middleware.
	 * Without it they answer at their own place. Off unless set.
	 * @param viewPhase whether the view position runs
	 */
	public void setViewPhase(boolean viewPhase) {
		this.viewPhase = viewPhase;
	}

	/**
	 * Assembles the chain.
	 * @param discovered the {@code WebFilter} and {@code SyncHooks} beans, in their order
	 * @param builtIns the built-in entries by name
	 * @return the stack
	 * @throws UnknownMiddlewareException if the stack names something that does not exist
	 * @throws InvalidStackException if the stack repeats a name or breaks an ordering rule
	 * @throws BlockingMiddlewareException if an entry blocks and its mode is {@code fail}
	 */
	public MiddlewareStack assemble(List<DiscoveredFilter> discovered, Map<String, BuiltInMiddleware> builtIns) {
		Map<String, DiscoveredFilter> byName = new LinkedHashMap<>();
		discovered.forEach((filter) -> byName.put(filter.name(), filter));
		checkNames(byName, builtIns);
		List<Candidate> chain = order(stackCandidates(byName, builtIns), outsideCandidates(discovered));
		checkConfiguredEntries(chain);
		List<Judged> judged = judge(chain);
		failIfBlocking(judged);
		return install(judged);
	}

	private void checkNames(Map<String, DiscoveredFilter> beans, Map<String, BuiltInMiddleware> builtIns) {
		List<String> unknown = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		Set<String> seen = new LinkedHashSet<>();
		for (String name : this.declared) {
			if (!seen.add(name)) {
				problems.add("'" + name + "' is listed more than once.");
			}
			if (!builtIns.containsKey(name) && !beans.containsKey(name)) {
				unknown.add(name);
			}
		}
		if (!unknown.isEmpty()) {
			throw new UnknownMiddlewareException(unknown, List.copyOf(builtIns.keySet()),
					List.copyOf(beans.keySet()));
		}
		for (String name : this.declared) {
			BuiltInMiddleware builtIn = builtIns.get(name);
			if (builtIn != null && !beans.containsKey(name)) {
				for (String required : builtIn.requiredBefore()) {
					int requiredIndex = this.declared.indexOf(required);
					if (requiredIndex < 0 || requiredIndex > this.declared.indexOf(name)) {
						problems.add("'" + name + "' needs '" + required + "' before it; list '" + required
								+ "' earlier in async-middleware.stack.");
					}
				}
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidStackException(problems);
		}
	}

	private void checkConfiguredEntries(List<Candidate> chain) {
		List<String> names = chain.stream().map(Candidate::name).toList();
		List<String> problems = this.configuredEntries.stream()
			.filter((name) -> !names.contains(name))
			.sorted()
			.map((name) -> "async-middleware.filters." + name + " configures no filter of the chain; the names are "
					+ names + ".")
			.toList();
		if (!problems.isEmpty()) {
			throw new InvalidStackException(problems);
		}
	}

	private List<Candidate> stackCandidates(Map<String, DiscoveredFilter> beans,
			Map<String, BuiltInMiddleware> builtIns) {
		List<Candidate> candidates = new ArrayList<>();
		for (String name : this.declared) {
			DiscoveredFilter bean = beans.get(name);
			if (bean != null) {
				// A bean named like a built-in entry wins: the user replaced it.
				candidates.add(new Candidate(name, bean.beanName(), bean.filter(), Placement.STACK, this.stackOrder,
						bean.factoryMethod()));
			}
			else {
				WebFilter filter = builtIns.get(name).filterFactory().get();
				candidates.add(new Candidate(name, null, filter, Placement.STACK, this.stackOrder, null));
			}
		}
		return candidates;
	}

	private List<Candidate> outsideCandidates(List<DiscoveredFilter> discovered) {
		List<Candidate> candidates = new ArrayList<>();
		for (DiscoveredFilter filter : discovered) {
			if (this.declared.contains(filter.name())) {
				continue;
			}
			if (!(filter.filter() instanceof WebFilter)) {
				logger.warn("SyncHooks bean '" + filter.beanName() + "' is not named in async-middleware.stack, "
						+ "so it does not run; add it to the stack where it belongs.");
				continue;
			}
			candidates.add(new Candidate(filter.name(), filter.beanName(), filter.filter(),
					placementOf(filter.filter()), filter.order(), filter.factoryMethod()));
		}
		return candidates;
	}

	private static Placement placementOf(Object filter) {
		String className = AopUtils.getTargetClass(filter).getName();
		return className.startsWith("org.springframework.") ? Placement.FRAMEWORK : Placement.OUTSIDE_STACK;
	}

	/**
	 * The stack as one block, placed before the first outside filter ordered after it.
	 */
	private List<Candidate> order(List<Candidate> stack, List<Candidate> outside) {
		List<Candidate> chain = new ArrayList<>(outside);
		int index = 0;
		while (index < chain.size() && chain.get(index).order() <= this.stackOrder) {
			index++;
		}
		chain.addAll(index, stack);
		return chain;
	}

	private List<Judged> judge(List<Candidate> chain) {
		List<Judged> judged = new ArrayList<>(chain.size());
		for (Candidate candidate : chain) {
			Verdict verdict = this.detector.detect(candidate.filter(), candidate.factoryMethod());
			ExecutionMode configured = this.modeByEntry.apply(candidate.name());
			AppliedMode applied = applied(verdict, configured);
			if (applied == null && candidate.placement() == Placement.FRAMEWORK) {
				// Spring's own filter: the application cannot fix it, so it must not stop startup
				logger.warn("Spring's filter " + candidate.name() + " (" + candidate.type().getName()
						+ ") looks blocking and runs as written; if the verdict is wrong, trim the API with "
						+ "async-middleware.detection.allowed-apis. Evidence: " + evidence(verdict));
				applied = AppliedMode.DIRECT;
			}
			judged.add(new Judged(candidate, verdict, configured, applied));
		}
		return judged;
	}

	@Nullable
	private static AppliedMode applied(Verdict verdict, ExecutionMode configured) {
		if (!verdict.isBlocking()) {
			return AppliedMode.DIRECT;
		}
		return switch (configured) {
			case ADAPT -> AppliedMode.ADAPT;
			case ISOLATE -> AppliedMode.ISOLATE;
			case FAIL -> null;
		};
	}

	private void failIfBlocking(List<Judged> judged) {
		List<BlockingMiddlewareException.BlockingEntry> failing = new ArrayList<>();
		for (int position = 0; position < judged.size(); position++) {
			Judged entry = judged.get(position);
			if (entry.applied() == null) {
				failing.add(new BlockingMiddlewareException.BlockingEntry(entry.candidate().name(),
						entry.candidate().type(), entry.candidate().placement(), position, entry.verdict()));
			}
		}
		if (!failing.isEmpty()) {
			throw new BlockingMiddlewareException(failing);
		}
	}

	private MiddlewareStack install(List<Judged> judged) {
		List<StackEntry> entries = new ArrayList<>(judged.size());
		Map<Object, StackEntry> byOriginal = new IdentityHashMap<>();
		List<InstalledFilter> installed = new ArrayList<>();
		List<ChainEntry> declaredBlock = new ArrayList<>();
		int declaredBlockAt = -1;
		boolean seenStack = false;
		for (int position = 0; position < judged.size(); position++) {
			Judged entry = judged.get(position);
			Candidate candidate = entry.candidate();
			EntryMetrics metrics = new EntryMetrics();
			ChainEntry chainEntry = this.installer.install(candidate.name(), candidate.filter(), entry.applied(),
					metrics, entry.verdict().certainty());
			if (seenStack && mayAnswerItself(candidate)) {
				// a refusal deferred to the view position is written before this filter can answer
				chainEntry = new ChainEntry(chainEntry.name(), new RefusalGate(chainEntry.filter()),
						chainEntry.metrics(), chainEntry.holder());
			}
			seenStack = seenStack || candidate.placement() == Placement.STACK;
			if (candidate.placement() == Placement.STACK) {
				// the declared block is contiguous: it becomes one filter in Spring's chain
				if (declaredBlockAt < 0) {
					declaredBlockAt = installed.size();
				}
				declaredBlock.add(chainEntry);
			}
			else {
				// a filter outside the stack keeps its own place, measured as a chain of one
				installed.add(new InstalledFilter(StackChain.of(chainEntry), candidate.order()));
			}
			StackEntry stackEntry = new StackEntry(candidate.name(), candidate.beanName(), candidate.type(),
					position, candidate.placement(), candidate.order(), entry.verdict(), entry.configured(),
					entry.applied(), metrics, chainEntry.filter());
			logMode(stackEntry);
			entries.add(stackEntry);
			byOriginal.put(candidate.filter(), stackEntry);
		}
		ComposedStackWebFilter composed = null;
		if (!declaredBlock.isEmpty()) {
			composed = new ComposedStackWebFilter(declaredBlock, this.viewPhase,
					hasFilterEndpointsAfterStackStart(judged));
			installed.add(declaredBlockAt, new InstalledFilter(composed, this.stackOrder));
		}
		return new MiddlewareStack(this.declared, this.mode, this.stackOrder, entries, byOriginal, installed, composed,
				this.installer);
	}

	private static boolean hasFilterEndpointsAfterStackStart(List<Judged> judged) {
		boolean inStack = false;
		for (Judged entry : judged) {
			Candidate candidate = entry.candidate();
			if (inStack && mayAnswerItself(candidate)) {
				return true;
			}
			inStack = inStack || candidate.placement() == Placement.STACK;
		}
		return false;
	}

	// A filter outside the stack may answer a request itself (Spring Security's login, a
	// WebFilter endpoint), and so may Spring's own filters named in it (spring-security).
	// The application's filters named in the stack are middleware: as in Django, their
	// request phase runs before a view-level refusal is written
	private static boolean mayAnswerItself(Candidate candidate) {
		return candidate.placement() != Placement.STACK || placementOf(candidate.filter()) == Placement.FRAMEWORK;
	}

	private static void logMode(StackEntry entry) {
		if (entry.appliedMode() == AppliedMode.ADAPT) {
			logger.warn("Middleware entry " + entry.describe() + " blocks the event loop and runs adapted: its "
					+ "blocking parts hop to its own am-adapt worker threads, each hop with a timeout. Evidence: " + evidence(entry.verdict()));
		}
		else if (entry.appliedMode() == AppliedMode.ISOLATE) {
			logger.info("Middleware entry " + entry.describe() + " blocks the event loop and runs isolated in its "
					+ "own bulkhead. Evidence: " + evidence(entry.verdict()));
		}
	}

	private static String evidence(Verdict verdict) {
		return verdict.evidence().stream().map(Evidence::toString).reduce((a, b) -> a + "; " + b).orElse("none");
	}

	private record Candidate(String name, @Nullable String beanName, Object filter, Placement placement, int order,
			@Nullable Method factoryMethod) {

		Class<?> type() {
			return AopUtils.getTargetClass(this.filter);
		}

	}

	private record Judged(Candidate candidate, Verdict verdict, ExecutionMode configured,
			@Nullable AppliedMode applied) {
	}

}
