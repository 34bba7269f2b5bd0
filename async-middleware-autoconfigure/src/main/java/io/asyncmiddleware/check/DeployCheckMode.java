package io.asyncmiddleware.check;

/**
 * What the deploy check does with its findings at startup.
 */
public enum DeployCheckMode {

	/** Does not run. */
	OFF,

	/** Logs the findings as one warning and starts. */
	WARN,

	/** Stops startup with a report of the findings. */
	FAIL

}
