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
	 * The entry's blocking parts run on the starter's own bounded worker scheduler
	 * ({@code am-adapt-N} threads), each hop with a timeout; the rest of the chain and the
	 * handler continue on the event loop. A warning is logged.
	 */
	ADAPT,

	/**
	 * The entry runs in its own bulkhead: virtual threads on JDK 24+ (by default; where
	 * {@code synchronized} no longer pins them), a bounded platform pool before, with a
	 * concurrency limit, a queue limit and a timeout.
	 */
	ISOLATE

}
