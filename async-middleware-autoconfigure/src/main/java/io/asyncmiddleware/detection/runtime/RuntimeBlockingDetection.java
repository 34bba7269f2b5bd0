package io.asyncmiddleware.detection.runtime;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.asyncmiddleware.detection.NonBlocking;
import io.asyncmiddleware.metrics.EntryMetrics;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;

/**
 * Run-time attribution of blocking calls to stack entries, through BlockHound when it is
 * on the classpath. Entries are registered by their filter class; a blocking call on a
 * non-blocking thread is attributed to the first registered class on the calling stack
 * (its lambdas, nested classes and the helpers it calls included), else to the entry
 * holding the thread ({@link EventLoopHold}).
 *
 * <p>Whoever installs BlockHound gets the attribution (our
 * {@code BlockHoundIntegration} is a service): a test suite keeps BlockHound's behaviour
 * of throwing {@code BlockingOperationError}; {@link #installBlockHound()} installs it in
 * report mode, where the call is logged and counted and the request goes on.
 */
public final class RuntimeBlockingDetection {

	static final String BLOCKHOUND_CLASS = "reactor.blockhound.BlockHound";

	static final String REDEFINITION_FLAG = "-XX:+AllowRedefinitionToAddDeleteMethods";

	private static final Log logger = LogFactory.getLog(RuntimeBlockingDetection.class);

	private static final Map<String, List<Registration>> registrations = new ConcurrentHashMap<>();

	// set by the integration when BlockHound applies it
	private static volatile boolean attributing;

	private static volatile boolean reportOnly;

	private RuntimeBlockingDetection() {
	}

	/**
	 * Attribute blocking calls made by a filter class to an entry.
	 * @param entryName the entry's name in the stack
	 * @param filterClass the entry's filter class
	 * @param metrics the entry's figures, where blocking calls are counted
	 * @return the registration, to {@link Registration#close() close} when the entry goes
	 * away (the application context closes)
	 */
	public static Registration register(String entryName, Class<?> filterClass, EntryMetrics metrics) {
		Assert.hasText(entryName, "'entryName' must not be empty");
		Assert.notNull(filterClass, "'filterClass' must not be null");
		Assert.notNull(metrics, "'metrics' must not be null");
		Class<?> userClass = ClassUtils.getUserClass(filterClass);
		Registration registration = new Registration(entryName, userClass, metrics,
				AnnotatedElementUtils.hasAnnotation(userClass, NonBlocking.class));
		registrations.computeIfAbsent(userClass.getName(), (key) -> new CopyOnWriteArrayList<>()).add(registration);
		return registration;
	}

	/**
	 * Install BlockHound in report mode: a blocking call on a non-blocking thread is logged
	 * and counted against the entry that made it, and the call goes on (the application
	 * keeps serving). Does nothing but log when BlockHound is missing, already installed
	 * by someone else (their behaviour stays), or cannot install (on JDK 13+ without
	 * {@value #REDEFINITION_FLAG}).
	 * @return whether blocking calls are now attributed to entries
	 */
	public static synchronized boolean installBlockHound() {
		if (!ClassUtils.isPresent(BLOCKHOUND_CLASS, RuntimeBlockingDetection.class.getClassLoader())) {
			logger.warn("BlockHound is not on the classpath, so blocking calls are not attributed at run time "
					+ "(async-middleware.detection.runtime.blockhound=true): add io.projectreactor.tools:blockhound");
			return false;
		}
		if (attributing) {
			logger.info("BlockHound is already installed with the middleware attribution; keeping its behaviour");
			return true;
		}
		reportOnly = true;
		try {
			BlockHoundInstaller.install();
		}
		catch (Throwable ex) {
			reportOnly = false;
			logger.warn("BlockHound could not be installed, so blocking calls are not attributed at run time: "
					+ "start the JVM with " + REDEFINITION_FLAG + " (needed on JDK 13+"
					+ ", and -XX:+EnableDynamicAgentLoading on JDK 21+ to load its agent quietly); cause: "
					+ ex.getMessage());
			return false;
		}
		if (!attributing) {
			reportOnly = false;
			logger.warn("BlockHound was already installed without its integrations, so blocking calls are not "
					+ "attributed to middleware entries");
			return false;
		}
		logger.info("BlockHound installed: blocking calls on event loops are logged and counted per entry");
		return true;
	}

	/**
	 * Whether BlockHound is installed with the attribution (by anyone).
	 * @return whether blocking calls are attributed to entries
	 */
	public static boolean isAttributing() {
		return attributing;
	}

	/**
	 * Whether attribution only reports (our installation) rather than keeping
	 * BlockHound's behaviour of throwing.
	 * @return whether blocking calls go on after being reported
	 */
	public static boolean isReportOnly() {
		return reportOnly;
	}

	static void attributionApplied() {
		attributing = true;
	}

	static @Nullable Registration registrationOf(Class<?> frameClass, @Nullable EventLoopHolder holder) {
		if (registrations.isEmpty()) {
			return null;
		}
		String name = frameClass.getName();
		List<Registration> candidates = registrations.get(name);
		int lambda = name.indexOf("$$Lambda");
		if (candidates == null && lambda > 0) {
			// a lambda or method reference: the class that wrote it
			candidates = registrations.get(name.substring(0, lambda));
		}
		// an anonymous or inner class: the classes enclosing it
		for (Class<?> outer = frameClass.getEnclosingClass(); candidates == null && outer != null; outer = outer
			.getEnclosingClass()) {
			candidates = registrations.get(outer.getName());
		}
		return (candidates != null) ? pick(candidates, holder) : null;
	}

	static @Nullable Registration registrationOf(EventLoopHolder holder) {
		List<Registration> candidates = registrations.get(holder.entryClass().getName());
		if (candidates == null) {
			return null;
		}
		for (Registration candidate : candidates) {
			if (candidate.entryName.equals(holder.entryName())) {
				return candidate;
			}
		}
		return null;
	}

	// one class may back several entries: the one holding the thread knows which
	private static @Nullable Registration pick(List<Registration> candidates, @Nullable EventLoopHolder holder) {
		Registration first = null;
		for (Registration candidate : candidates) {
			if (holder != null && candidate.entryName.equals(holder.entryName())) {
				return candidate;
			}
			if (first == null) {
				first = candidate;
			}
		}
		return first;
	}

	/**
	 * An entry whose blocking calls are attributed to it.
	 */
	public static final class Registration implements AutoCloseable {

		private final String entryName;

		private final Class<?> filterClass;

		private final EntryMetrics metrics;

		private final boolean declaredNonBlocking;

		// blocking calls already logged at WARN (or ERROR): repeats are counted only
		private final Set<String> reportedCalls = ConcurrentHashMap.newKeySet();

		Registration(String entryName, Class<?> filterClass, EntryMetrics metrics, boolean declaredNonBlocking) {
			this.entryName = entryName;
			this.filterClass = filterClass;
			this.metrics = metrics;
			this.declaredNonBlocking = declaredNonBlocking;
		}

		String entryName() {
			return this.entryName;
		}

		Class<?> filterClass() {
			return this.filterClass;
		}

		EntryMetrics metrics() {
			return this.metrics;
		}

		boolean declaredNonBlocking() {
			return this.declaredNonBlocking;
		}

		boolean firstReportOf(String call) {
			return this.reportedCalls.add(call);
		}

		/**
		 * Stop attributing blocking calls to the entry.
		 */
		@Override
		public void close() {
			registrations.computeIfPresent(this.filterClass.getName(), (key, list) -> {
				list.remove(this);
				return list.isEmpty() ? null : list;
			});
		}

		@Override
		public String toString() {
			return "'" + this.entryName + "' (" + this.filterClass.getName() + ")";
		}

	}

}
