package io.asyncmiddleware.execution;

import java.lang.reflect.Method;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

/**
 * The threads of a {@link Bulkhead}: a virtual thread per hop on JDK 21+, else a fixed
 * pool of platform threads. Threads are named {@code am-<entry>-N}.
 *
 * <p>The code is compiled for Java 17, so the virtual-thread API is reached by
 * reflection, once per bulkhead.
 */
final class BulkheadThreads {

	private BulkheadThreads() {
	}

	/**
	 * Creates the executor of a bulkhead.
	 * @param entryName the entry, used in thread names
	 * @param settings the bulkhead's settings
	 * @return an executor whose {@code execute} never parks the caller
	 */
	static ExecutorService create(String entryName, BulkheadSettings settings) {
		String prefix = "am-" + entryName + "-";
		if (settings.virtualThreads()) {
			ExecutorService virtual = virtualThreadPerTask(prefix);
			if (virtual != null) {
				return virtual;
			}
		}
		return platformPool(prefix, settings.maxConcurrent());
	}

	/**
	 * Whether this JDK can run virtual threads.
	 * @return {@code true} on JDK 21+
	 */
	static boolean virtualThreadsAvailable() {
		return virtualThreadFactory("probe-") != null;
	}

	@Nullable
	private static ExecutorService virtualThreadPerTask(String prefix) {
		ThreadFactory factory = virtualThreadFactory(prefix);
		if (factory == null) {
			return null;
		}
		try {
			Method perTask = Executors.class.getMethod("newThreadPerTaskExecutor", ThreadFactory.class);
			return (ExecutorService) perTask.invoke(null, factory);
		}
		catch (ReflectiveOperationException ex) {
			return null;
		}
	}

	@Nullable
	private static ThreadFactory virtualThreadFactory(String prefix) {
		try {
			Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
			Class<?> builderType = Class.forName("java.lang.Thread$Builder");
			builder = builderType.getMethod("name", String.class, long.class).invoke(builder, prefix, 1L);
			return (ThreadFactory) builderType.getMethod("factory").invoke(builder);
		}
		catch (ReflectiveOperationException | LinkageError ex) {
			// JDK 17-20: no virtual threads
			return null;
		}
	}

	private static ExecutorService platformPool(String prefix, int size) {
		AtomicLong counter = new AtomicLong();
		ThreadFactory factory = (task) -> {
			Thread thread = new Thread(task, prefix + counter.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
		// All threads started up front and a lock-free queue: execute() only offers to the
		// queue and never takes the pool's lock, so callers on an event loop never park.
		// Admission bounds the work in flight to the pool size (plus a permit's handover).
		ThreadPoolExecutor pool = new ThreadPoolExecutor(size, size, 0, TimeUnit.MILLISECONDS,
				new LinkedTransferQueue<>(), factory);
		pool.prestartAllCoreThreads();
		return pool;
	}

}
