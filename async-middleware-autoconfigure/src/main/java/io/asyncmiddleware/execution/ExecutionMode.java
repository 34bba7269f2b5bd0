package io.asyncmiddleware.execution;

/**
 * What the starter does with a stack entry whose verdict is blocking.
 *
 * <p>Mirrors the three behaviours proposed for Django's async middleware: refuse, adapt
 * with a warning, or suspend cheaply.
 */
public enum ExecutionMode {

	/**
	 * Startup stops with a report naming each blocking entry, its evidence and the fix.
	 */
	FAIL,

	/**
	 * The entry's blocking parts run on a worker (Reactor's {@code boundedElastic}); the
	 * rest of the chain and the handler continue on the event loop. A warning is logged.
	 */
	ADAPT,

	/**
	 * The entry runs in its own bulkhead: virtual threads on JDK 21+, a bounded platform
	 * pool on JDK 17, with a concurrency limit, a queue limit and a timeout.
	 */
	ISOLATE

}
