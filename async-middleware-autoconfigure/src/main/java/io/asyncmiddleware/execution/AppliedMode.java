package io.asyncmiddleware.execution;

/**
 * How an entry actually runs, once its verdict and configured mode are known.
 */
public enum AppliedMode {

	/** Non-blocking: runs on the event loop as written. */
	DIRECT,

	/** Blocking, adapted: its blocking parts hop to a worker thread. */
	ADAPT,

	/** Blocking, isolated: its blocking parts run in its own bulkhead. */
	ISOLATE

}
