package io.asyncmiddleware.stack;

/**
 * Where a filter sits relative to the declared stack.
 */
public enum Placement {

	/**
	 * Named in {@code async-middleware.stack}; ordered by its position in that list.
	 */
	STACK,

	/**
	 * An application {@code WebFilter} bean not named in the stack; it keeps its own order.
	 */
	OUTSIDE_STACK,

	/**
	 * A filter contributed by Spring itself (Spring Security's chain, actuator
	 * observation, ...), not named in the stack; shown where it runs.
	 */
	FRAMEWORK

}
