package io.asyncmiddleware.execution;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.internal.ThreadExecutorMap;
import org.jspecify.annotations.Nullable;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.Connection;

import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.util.ClassUtils;
import org.springframework.web.server.ServerWebExchange;

/**
 * The scheduler of the request's own event loop, captured where an adapted or isolated
 * entry is entered, so that the rest of the chain goes back to that loop after a hop.
 *
 * <p>On Reactor Netty it is the loop of the request's channel; on another Netty server,
 * the loop running the caller; elsewhere (or off any loop) Reactor's {@code parallel}
 * scheduler: still non-blocking, never a worker.
 */
final class EventLoopScheduler {

	private static final ClassLoader CLASS_LOADER = EventLoopScheduler.class.getClassLoader();

	private static final boolean NETTY_PRESENT = ClassUtils.isPresent("io.netty.util.internal.ThreadExecutorMap",
			CLASS_LOADER);

	private static final boolean REACTOR_NETTY_PRESENT = NETTY_PRESENT
			&& ClassUtils.isPresent("reactor.netty.Connection", CLASS_LOADER);

	private EventLoopScheduler() {
	}

	/**
	 * The scheduler of the loop serving the exchange.
	 * @param exchange the current exchange
	 * @return the loop's scheduler, or {@code Schedulers.parallel()}
	 */
	static Scheduler of(ServerWebExchange exchange) {
		if (NETTY_PRESENT) {
			Scheduler loop = NettyLoop.of(exchange);
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
		static Scheduler of(ServerWebExchange exchange) {
			EventExecutor executor = REACTOR_NETTY_PRESENT ? ChannelLoop.of(exchange) : null;
			if (executor == null) {
				executor = ThreadExecutorMap.currentExecutor();
			}
			if (executor == null) {
				return null;
			}
			if (!executor.inEventLoop()) {
				return Schedulers.fromExecutor(executor);
			}
			NettyLoop cached = CURRENT.get();
			if (cached == null || cached.executor != executor) {
				cached = new NettyLoop(executor);
				CURRENT.set(cached);
			}
			return cached.scheduler;
		}

	}

	/**
	 * Reactor Netty-specific part: the loop of the request's channel.
	 */
	private static final class ChannelLoop {

		@Nullable
		static EventExecutor of(ServerWebExchange exchange) {
			Object nativeRequest;
			try {
				nativeRequest = ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest());
			}
			catch (IllegalArgumentException | IllegalStateException ex) {
				// no native request (a mock, a test binding)
				return null;
			}
			return (nativeRequest instanceof Connection connection) ? connection.channel().eventLoop() : null;
		}

	}

}
