package io.asyncmiddleware.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.asyncmiddleware.execution.ExecutionMode;
import io.asyncmiddleware.execution.VirtualThreads;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * Configuration of the middleware stack, detection and execution modes.
 *
 * <p>Properties of the built-in entries live in their own groups
 * ({@code async-middleware.csrf.*}, {@code async-middleware.session.*}, ...).
 */
@ConfigurationProperties("async-middleware")
public class AsyncMiddlewareProperties {

	/**
	 * Whether to assemble the stack and check filters for blocking calls.
	 */
	private boolean enabled = true;

	/**
	 * What happens to an entry judged blocking: 'fail' stops startup with a report,
	 * 'adapt' runs its blocking parts on a worker with a warning, 'isolate' runs it in its
	 * own bulkhead.
	 */
	private ExecutionMode mode = ExecutionMode.FAIL;

	/**
	 * The ordered stack, like Django's MIDDLEWARE: built-in entry names (security,
	 * session, common, csrf, authentication, messages, x-frame-options, gzip,
	 * conditional-get, locale), 'spring-security' for Spring Security's chain, and bean
	 * names of the application's WebFilter or SyncHooks beans. Requests pass through it
	 * top to bottom, responses bottom to top.
	 */
	private List<String> stack = new ArrayList<>();

	/**
	 * Order of the stack, as one block, among WebFilters outside it. The default runs it
	 * after Spring's observation and hidden-method filters and before Spring Security's
	 * chain (-100); name 'spring-security' in the stack to place Spring Security's chain
	 * at an exact position instead.
	 */
	private int order = -200;

	/**
	 * Per-entry settings, keyed by the entry's name in the stack or its bean name.
	 */
	private Map<String, Entry> filters = new LinkedHashMap<>();

	private final Detection detection = new Detection();

	private final Adapt adapt = new Adapt();

	private final Isolate isolate = new Isolate();

	private final Request request = new Request();

	private final Netty netty = new Netty();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public ExecutionMode getMode() {
		return this.mode;
	}

	public void setMode(ExecutionMode mode) {
		this.mode = mode;
	}

	public List<String> getStack() {
		return this.stack;
	}

	public void setStack(List<String> stack) {
		this.stack = stack;
	}

	public int getOrder() {
		return this.order;
	}

	public void setOrder(int order) {
		this.order = order;
	}

	public Map<String, Entry> getFilters() {
		return this.filters;
	}

	public void setFilters(Map<String, Entry> filters) {
		this.filters = filters;
	}

	public Detection getDetection() {
		return this.detection;
	}

	public Adapt getAdapt() {
		return this.adapt;
	}

	public Isolate getIsolate() {
		return this.isolate;
	}

	public Request getRequest() {
		return this.request;
	}

	public Netty getNetty() {
		return this.netty;
	}

	/**
	 * The embedded Reactor Netty server.
	 */
	public static class Netty {

		/**
		 * Whether to hold a request that arrives before the previous one on its
		 * connection is over (response written, operations ended) until it is, so that
		 * Reactor Netty answers every HTTP/1.1 request, pipelined or malformed, in order.
		 */
		private boolean holdPipelinedRequests = true;

		public boolean isHoldPipelinedRequests() {
			return this.holdPipelinedRequests;
		}

		public void setHoldPipelinedRequests(boolean holdPipelinedRequests) {
			this.holdPipelinedRequests = holdPipelinedRequests;
		}

	}

	/**
	 * Limits on the form and multipart data a request may bring, named after Django's
	 * DATA_UPLOAD_* settings; a request over one is answered 400 before its body is
	 * buffered.
	 */
	public static class Request {

		/**
		 * Largest form body, or sum of a multipart body's non-file fields; a negative
		 * size for no limit (Django: DATA_UPLOAD_MAX_MEMORY_SIZE).
		 */
		private DataSize dataUploadMaxMemorySize = DataSize.ofBytes(2_621_440);

		/**
		 * Most fields a form or multipart body may carry; negative for no limit (Django:
		 * DATA_UPLOAD_MAX_NUMBER_FIELDS).
		 */
		private int dataUploadMaxNumberFields = 1000;

		/**
		 * Most files a multipart body may carry; negative for no limit (Django:
		 * DATA_UPLOAD_MAX_NUMBER_FILES).
		 */
		private int dataUploadMaxNumberFiles = 100;

		public DataSize getDataUploadMaxMemorySize() {
			return this.dataUploadMaxMemorySize;
		}

		public void setDataUploadMaxMemorySize(DataSize dataUploadMaxMemorySize) {
			this.dataUploadMaxMemorySize = dataUploadMaxMemorySize;
		}

		public int getDataUploadMaxNumberFields() {
			return this.dataUploadMaxNumberFields;
		}

		public void setDataUploadMaxNumberFields(int dataUploadMaxNumberFields) {
			this.dataUploadMaxNumberFields = dataUploadMaxNumberFields;
		}

		public int getDataUploadMaxNumberFiles() {
			return this.dataUploadMaxNumberFiles;
		}

		public void setDataUploadMaxNumberFiles(int dataUploadMaxNumberFiles) {
			this.dataUploadMaxNumberFiles = dataUploadMaxNumberFiles;
		}

	}

	/**
	 * Startup and run-time detection of blocking filters.
	 */
	public static class Detection {

		/**
		 * How many calls deep the bytecode scan follows from a filter's 'filter' method
		 * into the application's own classes.
		 */
		private int maxDepth = 6;

		/**
		 * Packages whose classes the scan follows calls into, besides the application's
		 * auto-configuration packages and each filter's own package.
		 */
		private List<String> includePackages = new ArrayList<>();

		/**
		 * Blocking APIs to add to the built-in catalogue, as 'type#method' ('*' for any
		 * method), e.g. 'com.acme.LegacyClient#call'. Subtypes of the type match too.
		 */
		private List<String> blockingApis = new ArrayList<>();

		/**
		 * Entries of the built-in catalogue to ignore, in the same 'type#method' form,
		 * e.g. 'java.util.concurrent.locks.Lock#lock'.
		 */
		private List<String> allowedApis = new ArrayList<>();

		private final Runtime runtime = new Runtime();

		public int getMaxDepth() {
			return this.maxDepth;
		}

		public void setMaxDepth(int maxDepth) {
			Assert.isTrue(maxDepth >= 1, "'max-depth' must be at least 1 (the filter method itself)");
			this.maxDepth = maxDepth;
		}

		public List<String> getIncludePackages() {
			return this.includePackages;
		}

		public void setIncludePackages(List<String> includePackages) {
			this.includePackages = includePackages;
		}

		public List<String> getBlockingApis() {
			return this.blockingApis;
		}

		public void setBlockingApis(List<String> blockingApis) {
			this.blockingApis = blockingApis;
		}

		public List<String> getAllowedApis() {
			return this.allowedApis;
		}

		public void setAllowedApis(List<String> allowedApis) {
			this.allowedApis = allowedApis;
		}

		public Runtime getRuntime() {
			return this.runtime;
		}

	}

	/**
	 * Run-time detection: BlockHound attribution and the event-loop stall watchdog.
	 */
	public static class Runtime {

		/**
		 * Whether to install BlockHound (when on the classpath) and attribute each
		 * blocking call on an event loop to the entry that made it.
		 */
		private boolean blockhound = false;

		/**
		 * Whether to watch event loops for entries whose synchronous part runs too long.
		 */
		private boolean watchdog = true;

		/**
		 * How long an entry may hold an event loop before the watchdog flags it.
		 */
		private Duration stallThreshold = Duration.ofMillis(10);

		/**
		 * How long an entry whose verdict is not certain (calls the scan could not
		 * follow, or not analysed) may hold an event loop before the watchdog reports it;
		 * at most the stall threshold.
		 */
		private Duration uncertainBudget = Duration.ofMillis(2);

		/**
		 * How long after startup a hold beyond the budget with no blocking call on the
		 * stack is the JVM warming up (the JIT compiling), not a stall. Class loading and
		 * linking never counts as a stall.
		 */
		private Duration warmUpPeriod = Duration.ofMinutes(2);

		/**
		 * How many first requests of each entry may hold an event loop beyond its budget
		 * with no blocking call on the stack without counting as a stall; 0 for none.
		 */
		private int warmUpRequests = 1000;

		public boolean isBlockhound() {
			return this.blockhound;
		}

		public void setBlockhound(boolean blockhound) {
			this.blockhound = blockhound;
		}

		public boolean isWatchdog() {
			return this.watchdog;
		}

		public void setWatchdog(boolean watchdog) {
			this.watchdog = watchdog;
		}

		public Duration getStallThreshold() {
			return this.stallThreshold;
		}

		public void setStallThreshold(Duration stallThreshold) {
			Assert.isTrue(stallThreshold != null && stallThreshold.toNanos() > 0, "'stall-threshold' must be positive");
			this.stallThreshold = stallThreshold;
		}

		public Duration getUncertainBudget() {
			return this.uncertainBudget;
		}

		public void setUncertainBudget(Duration uncertainBudget) {
			Assert.isTrue(uncertainBudget != null && uncertainBudget.toNanos() > 0,
					"'uncertain-budget' must be positive");
			this.uncertainBudget = uncertainBudget;
		}

		public Duration getWarmUpPeriod() {
			return this.warmUpPeriod;
		}

		public void setWarmUpPeriod(Duration warmUpPeriod) {
			Assert.isTrue(warmUpPeriod != null && !warmUpPeriod.isNegative(), "'warm-up-period' must not be negative");
			this.warmUpPeriod = warmUpPeriod;
		}

		public int getWarmUpRequests() {
			return this.warmUpRequests;
		}

		public void setWarmUpRequests(int warmUpRequests) {
			Assert.isTrue(warmUpRequests >= 0, "'warm-up-requests' must not be negative");
			this.warmUpRequests = warmUpRequests;
		}

	}

	/**
	 * Defaults of the bulkhead each isolated entry gets.
	 */
	public static class Isolate {

		/**
		 * How many requests may run the entry's blocking work at once.
		 */
		private int maxConcurrent = 32;

		/**
		 * How many requests may wait for a place; beyond this the answer is 503.
		 */
		private int maxQueued = 64;

		/**
		 * How long one hop of the entry's blocking work may take before the request is
		 * answered 503 and the work cancelled.
		 */
		private Duration timeout = Duration.ofSeconds(5);

		/**
		 * The Retry-After value sent with a 503 from a full or timed-out bulkhead.
		 */
		private Duration retryAfter = Duration.ofSeconds(1);

		/**
		 * Whether isolated work runs on virtual threads: 'auto' uses them on JDK 24+
		 * (where synchronized no longer pins the carrier thread, JEP 491) and platform
		 * threads before; 'on' (or true) whenever the JDK has them (21+); 'off' (or
		 * false) never.
		 */
		private VirtualThreads virtualThreads = VirtualThreads.AUTO;

		public int getMaxConcurrent() {
			return this.maxConcurrent;
		}

		public void setMaxConcurrent(int maxConcurrent) {
			Assert.isTrue(maxConcurrent > 0, "'max-concurrent' must be greater than 0");
			this.maxConcurrent = maxConcurrent;
		}

		public int getMaxQueued() {
			return this.maxQueued;
		}

		public void setMaxQueued(int maxQueued) {
			Assert.isTrue(maxQueued >= 0, "'max-queued' must not be negative");
			this.maxQueued = maxQueued;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			Assert.isTrue(timeout != null && timeout.toNanos() > 0, "'timeout' must be positive");
			this.timeout = timeout;
		}

		public Duration getRetryAfter() {
			return this.retryAfter;
		}

		public void setRetryAfter(Duration retryAfter) {
			Assert.isTrue(retryAfter != null && !retryAfter.isNegative(), "'retry-after' must not be negative");
			this.retryAfter = retryAfter;
		}

		public VirtualThreads getVirtualThreads() {
			return this.virtualThreads;
		}

		public void setVirtualThreads(VirtualThreads virtualThreads) {
			this.virtualThreads = virtualThreads;
		}

	}

	/**
	 * Execution of entries in adapt mode: their own worker threads, bounded, and a
	 * timeout per hop.
	 */
	public static class Adapt {

		/**
		 * Worker threads shared by every adapted entry (named am-adapt-N), separate from
		 * Reactor's boundedElastic scheduler that session creation and password checks use.
		 * Defaults to 10 x the number of CPUs, as boundedElastic.
		 */
		private int threads = 10 * java.lang.Runtime.getRuntime().availableProcessors();

		/**
		 * How many hops may wait for a worker thread; beyond this the answer is 503.
		 */
		private int maxQueued = 1000;

		/**
		 * How long one hop of an adapted entry's blocking work may take, its wait for a
		 * worker included, before the request is answered 503 and the worker
		 * interrupted. Overridden per entry by 'async-middleware.filters.<name>.timeout'.
		 */
		private Duration timeout = Duration.ofSeconds(5);

		/**
		 * The Retry-After value sent with a 503 from a timed-out hop or a full queue.
		 */
		private Duration retryAfter = Duration.ofSeconds(1);

		public int getThreads() {
			return this.threads;
		}

		public void setThreads(int threads) {
			Assert.isTrue(threads > 0, "'threads' must be greater than 0");
			this.threads = threads;
		}

		public int getMaxQueued() {
			return this.maxQueued;
		}

		public void setMaxQueued(int maxQueued) {
			Assert.isTrue(maxQueued > 0, "'max-queued' must be greater than 0");
			this.maxQueued = maxQueued;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			Assert.isTrue(timeout != null && timeout.toNanos() > 0, "'timeout' must be positive");
			this.timeout = timeout;
		}

		public Duration getRetryAfter() {
			return this.retryAfter;
		}

		public void setRetryAfter(Duration retryAfter) {
			Assert.isTrue(retryAfter != null && !retryAfter.isNegative(), "'retry-after' must not be negative");
			this.retryAfter = retryAfter;
		}

	}

	/**
	 * Settings of one entry; unset values fall back to the global ones.
	 */
	public static class Entry {

		/**
		 * The mode for this entry when it is judged blocking, overriding
		 * 'async-middleware.mode'.
		 */
		@Nullable
		private ExecutionMode mode;

		/**
		 * Concurrency limit of this entry's bulkhead (isolate).
		 */
		@Nullable
		private Integer maxConcurrent;

		/**
		 * Queue limit of this entry's bulkhead (isolate).
		 */
		@Nullable
		private Integer maxQueued;

		/**
		 * Timeout of one hop of this entry's blocking work (adapt and isolate).
		 */
		@Nullable
		private Duration timeout;

		@Nullable
		public ExecutionMode getMode() {
			return this.mode;
		}

		public void setMode(@Nullable ExecutionMode mode) {
			this.mode = mode;
		}

		@Nullable
		public Integer getMaxConcurrent() {
			return this.maxConcurrent;
		}

		public void setMaxConcurrent(@Nullable Integer maxConcurrent) {
			Assert.isTrue(maxConcurrent == null || maxConcurrent > 0, "'max-concurrent' must be greater than 0");
			this.maxConcurrent = maxConcurrent;
		}

		@Nullable
		public Integer getMaxQueued() {
			return this.maxQueued;
		}

		public void setMaxQueued(@Nullable Integer maxQueued) {
			Assert.isTrue(maxQueued == null || maxQueued >= 0, "'max-queued' must not be negative");
			this.maxQueued = maxQueued;
		}

		@Nullable
		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(@Nullable Duration timeout) {
			Assert.isTrue(timeout == null || timeout.toNanos() > 0, "'timeout' must be positive");
			this.timeout = timeout;
		}

	}

}
