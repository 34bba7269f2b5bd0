package io.asyncmiddleware.execution;

/**
 * Whether an isolated entry's hops run on virtual threads.
 *
 * <p>Before JDK 24 a virtual thread inside {@code synchronized} (JDBC drivers, many
 * clients) pins its carrier: a few pinned hops stall every virtual thread of the JVM on
 * a small machine. JEP 491 (JDK 24) removed that pinning, so {@link #AUTO} chooses
 * virtual threads from JDK 24 on and platform threads before.
 */
public enum VirtualThreads {

	/** Virtual threads on JDK 24+, where {@code synchronized} no longer pins; platform threads before. */
	AUTO,

	/** Virtual threads whenever the JDK has them (21+), pinning risk accepted. */
	ON,

	/** Always platform threads. */
	OFF;

	/** The first JDK whose virtual threads do not pin inside {@code synchronized} (JEP 491). */
	public static final int NO_PINNING_SINCE = 24;

	/**
	 * Whether to ask for virtual threads on this JDK.
	 * @return the choice for the running JDK
	 */
	public boolean enabled() {
		return enabledOn(Runtime.version().feature());
	}

	/**
	 * Whether to ask for virtual threads on a JDK of the given feature release.
	 * @param jdkFeature e.g. 21
	 * @return the choice ({@code true} on a JDK without them falls back to platform threads)
	 */
	public boolean enabledOn(int jdkFeature) {
		return switch (this) {
			case AUTO -> jdkFeature >= NO_PINNING_SINCE;
			case ON -> true;
			case OFF -> false;
		};
	}

}
