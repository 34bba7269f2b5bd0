package io.asyncmiddleware.execution;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.internal.ThreadExecutorMap;
import org.jspecify.annotations.Nullable;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.util.ClassUtils;

/**
 * The scheduler of the request's own event loop, captured where an adapted or isolated
 * entry is entered, so that the rest of the chain goes back to that loop after a hop.
 * Off a Netty loop (or without Netty) it is Reactor's {@code parallel} scheduler: still
 * non-blocking, never a worker.
 */
final class EventLoopScheduler {

	private static final boolean NETTY_PRESENT = ClassUtils.isPresent("io.netty.util.internal.ThreadExecutorMap",
			EventLoopScheduler.class.getClassLoader());

	private EventLoopScheduler() {
	}

	/**
	 * The scheduler of the loop running the caller.
	 * @return the loop's scheduler, or {@code Schedulers.parallel()}
	 */
	static Scheduler current() {
		if (NETTY_PRESENT) {
			Scheduler loop = NettyLoop.current();
			if (loop != null) {
				return loop;
			}
		}
		return Schedulers.parallel();
	}

	/**
	 * Netty-specific part, loaded only when Netty is present.
	 */
	private static final class NettyLoop {

		// a loop runs on one thread, so a thread-local caches one scheduler per loop and
		// goes away with the loop's thread
		private static final ThreadLocal<NettyLoop> CURRENT = new ThreadLocal<>();

		private final EventExecutor executor;

		private final Scheduler scheduler;

		private NettyLoop(EventExecutor executor) {
			this.executor = executor;
			this.scheduler = Schedulers.fromExecutor(executor);
		}

		@Nullable
		static Scheduler current() {
			EventExecutor executor = ThreadExecutorMap.currentExecutor();
			if (executor == null) {
				return null;
			}
			NettyLoop cached = CURRENT.get();
			if (cached == null || cached.executor != executor) {
				cached = new NettyLoop(executor);
				CURRENT.set(cached);
			}
			return cached.scheduler;
		}

	}

}
