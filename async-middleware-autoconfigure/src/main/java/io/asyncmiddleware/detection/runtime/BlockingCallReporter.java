package io.asyncmiddleware.detection.runtime;

import java.lang.StackWalker.StackFrame;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.asyncmiddleware.detection.runtime.RuntimeBlockingDetection.Registration;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Reports one blocking call that BlockHound caught on a non-blocking thread: finds the
 * entry that made it, counts it in the entry's metrics and logs it (at WARN the first
 * time per entry and call, at ERROR when the entry is declared {@code @NonBlocking}).
 * BlockHound allows blocking inside {@link #report}, so logging here is not itself
 * caught.
 */
final class BlockingCallReporter {

	private static final Log logger = LogFactory.getLog(RuntimeBlockingDetection.class);

	// hidden frames: a method reference's lambda class is a nestmate of the filter class
	private static final StackWalker walker = StackWalker.getInstance(
			EnumSet.of(StackWalker.Option.RETAIN_CLASS_REFERENCE, StackWalker.Option.SHOW_HIDDEN_FRAMES));

	private static final int MAX_DEPTH = 512;

	private static final Set<String> reportedUnattributed = ConcurrentHashMap.newKeySet();

	private BlockingCallReporter() {
	}

	/**
	 * Report a blocking call made on the current thread.
	 * @param className the class of the blocking method
	 * @param methodName the blocking method
	 */
	static void report(String className, String methodName) {
		String call = className + "." + methodName;
		EventLoopHold hold = EventLoopHold.ofCurrentThread();
		EventLoopHolder holder = (hold != null) ? hold.holder() : null;
		Attribution attribution = walker.walk((frames) -> attribute(frames.limit(MAX_DEPTH).iterator(), holder));
		Registration registration = attribution.registration;
		if (registration == null && holder != null) {
			registration = RuntimeBlockingDetection.registrationOf(holder);
		}
		String thread = Thread.currentThread().getName();
		if (registration == null) {
			if (RuntimeBlockingDetection.isReportOnly() && reportedUnattributed.add(call) && logger.isWarnEnabled()) {
				logger.warn("Blocking call on event loop " + thread + " outside the middleware stack: " + call + "; "
						+ StackExcerpt.of(attribution.frames, Object.class));
			}
			return;
		}
		String excerpt = StackExcerpt.of(attribution.frames, registration.filterClass());
		// counted (with where) before the call goes on: the endpoint shows it within the request
		registration.metrics().blockingCall(call, excerpt);
		boolean first = registration.firstReportOf(call);
		if (registration.declaredNonBlocking()) {
			if (first) {
				logger.error("Entry " + registration + " is declared @NonBlocking but made a blocking call on event loop "
						+ thread + ": " + call + "; the declaration is wrong: remove @NonBlocking so that the entry "
						+ "is adapted or isolated, or make the call non-blocking; " + excerpt);
			}
			return;
		}
		if (first && logger.isWarnEnabled()) {
			logger.warn("Entry " + registration + " made a blocking call on event loop " + thread + ": " + call + "; "
					+ excerpt);
		}
		else if (logger.isDebugEnabled()) {
			logger.debug("Entry " + registration + " made a blocking call on event loop " + thread + ": " + call);
		}
	}

	private static Attribution attribute(java.util.Iterator<StackFrame> frames, @Nullable EventLoopHolder holder) {
		List<StackTraceElement> shown = new ArrayList<>();
		boolean blockingFrameSeen = false;
		while (frames.hasNext()) {
			StackFrame frame = frames.next();
			Class<?> type = frame.getDeclaringClass();
			if (!blockingFrameSeen) {
				// skip BlockHound's and our own frames above the blocking method
				if (isDetectionFrame(type)) {
					continue;
				}
				blockingFrameSeen = true;
			}
			shown.add(frame.toStackTraceElement());
			Registration registration = RuntimeBlockingDetection.registrationOf(type, holder);
			if (registration != null) {
				return new Attribution(registration, shown);
			}
		}
		return new Attribution(null, shown);
	}

	private static boolean isDetectionFrame(Class<?> type) {
		String name = type.getName();
		return name.startsWith("reactor.blockhound.") || name.startsWith(BlockingCallReporter.class.getPackageName() + ".");
	}

	private record Attribution(@Nullable Registration registration, List<StackTraceElement> frames) {
	}

}
