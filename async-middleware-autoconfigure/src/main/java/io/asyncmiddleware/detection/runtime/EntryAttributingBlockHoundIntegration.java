package io.asyncmiddleware.detection.runtime;

import java.lang.reflect.Field;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import reactor.blockhound.BlockHound;
import reactor.blockhound.BlockingMethod;
import reactor.blockhound.BlockingOperationError;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * Attributes each blocking call BlockHound catches to the stack entry that made it,
 * whoever installs BlockHound (registered as a service). Applied last, it wraps the
 * callback other integrations configured, and keeps it (BlockHound's default throws
 * {@link BlockingOperationError}, which test suites rely on) unless
 * {@link RuntimeBlockingDetection#installBlockHound()} installed BlockHound to report
 * only.
 */
public final class EntryAttributingBlockHoundIntegration implements BlockHoundIntegration {

	private static final String LOGBACK_OUTPUT_STREAM_APPENDER = "ch.qos.logback.core.OutputStreamAppender";

	@Override
	public void applyTo(BlockHound.Builder builder) {
		Consumer<BlockingMethod> previous = callbackOf(builder);
		Consumer<BlockingMethod> throwing = callbackOf(BlockHound.builder());
		builder.allowBlockingCallsInside(BlockingCallReporter.class.getName(), "report");
		// Boot's default logging: Logback's console and file appenders write under a lock, and
		// two event loops logging at once make one of them wait on it. That is the cost of
		// logging synchronously, which the application chose, not an entry blocking (seen in
		// the hostile-input suite as LockSupport.park under ReentrantLock.lock while Reactor
		// Netty logged a malformed request on two loops at once)
		builder.allowBlockingCallsInside(LOGBACK_OUTPUT_STREAM_APPENDER, "subAppend");
		builder.allowBlockingCallsInside(LOGBACK_OUTPUT_STREAM_APPENDER, "writeBytes");
		builder.blockingMethodCallback((method) -> {
			BlockingCallReporter.report(method.getClassName(), method.getName());
			if (!RuntimeBlockingDetection.isReportOnly()) {
				if (previous != null) {
					previous.accept(method);
				}
				else {
					throw new BlockingOperationError(method);
				}
			}
			else if (previous != null && previous != throwing) {
				// someone else's callback, not BlockHound's default throw
				previous.accept(method);
			}
		});
		RuntimeBlockingDetection.attributionApplied();
	}

	@Override
	public int getPriority() {
		return Integer.MAX_VALUE;
	}

	/**
	 * The callback configured so far. The builder has no getter, so it is read
	 * reflectively; without it the default (throw) is assumed.
	 */
	@SuppressWarnings("unchecked")
	private static @Nullable Consumer<BlockingMethod> callbackOf(BlockHound.Builder builder) {
		try {
			Field field = BlockHound.Builder.class.getDeclaredField("onBlockingMethod");
			field.setAccessible(true);
			return (Consumer<BlockingMethod>) field.get(builder);
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			return null;
		}
	}

}
