package io.asyncmiddleware.chain;

import org.jspecify.annotations.Nullable;

/**
 * The entries of a composed stack that may pass requests through
 * ({@link SynchronousRequestStep}), by position, with what each asks of the chain; read
 * once, at startup.
 */
final class PassingSteps {

	/** Per position, the entry as a step, or {@code null}. */
	final @Nullable SynchronousRequestStep[] steps;

	/** Per position, whether the chain completes the response the entry decorated. */
	final boolean[] completesEmptyResponse;

	/** Per position, whether the entry adds to the Reactor context of the rest. */
	final boolean[] writesContext;

	private PassingSteps(@Nullable SynchronousRequestStep[] steps) {
		this.steps = steps;
		this.completesEmptyResponse = new boolean[steps.length];
		this.writesContext = new boolean[steps.length];
		for (int index = 0; index < steps.length; index++) {
			SynchronousRequestStep step = steps[index];
			this.completesEmptyResponse[index] = step != null && step.completesEmptyResponse();
			this.writesContext[index] = step != null && step.writesContext();
		}
	}

	/**
	 * The steps among the entries: an entry runs as a step only as written, since a hop to
	 * a worker, or a gate in front of it, is a {@code WebFilter} of its own.
	 * @param entries the entries
	 * @return the steps, or {@code null} when no entry is one
	 */
	static @Nullable PassingSteps of(ChainEntry[] entries) {
		SynchronousRequestStep[] steps = new SynchronousRequestStep[entries.length];
		boolean any = false;
		for (int index = 0; index < entries.length; index++) {
			if (entries[index].filter() instanceof SynchronousRequestStep step) {
				steps[index] = step;
				any = true;
			}
		}
		return any ? new PassingSteps(steps) : null;
	}

}
