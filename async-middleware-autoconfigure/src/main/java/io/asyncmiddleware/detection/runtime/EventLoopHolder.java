package io.asyncmiddleware.detection.runtime;

import org.jspecify.annotations.Nullable;

/**
 * A stack entry as it appears on an {@link EventLoopHold}: its name, its class, the
 * watchdog (if any) that watches it, and how long it may hold the thread. Created once
 * per entry, so marking a thread costs no allocation.
 *
 * @param entryName the entry's name in the stack
 * @param entryClass the entry's filter class
 * @param watchdog the watchdog that reports the entry's stalls, or {@code null}
 * @param budgetNanos how long one synchronous run of the entry may hold the thread
 * before it is reported: the watchdog's stall threshold, lower when the entry's verdict
 * is uncertain; {@link Long#MAX_VALUE} when nothing watches it
 */
public record EventLoopHolder(String entryName, Class<?> entryClass, @Nullable EventLoopStallWatchdog watchdog,
		long budgetNanos) {

	/**
	 * A holder whose budget is the watchdog's stall threshold (a verdict without doubts).
	 * @param entryName the entry's name in the stack
	 * @param entryClass the entry's filter class
	 * @param watchdog the watchdog that reports the entry's stalls, or {@code null}
	 */
	public EventLoopHolder(String entryName, Class<?> entryClass, @Nullable EventLoopStallWatchdog watchdog) {
		this(entryName, entryClass, watchdog, (watchdog != null) ? watchdog.getThreshold().toNanos() : Long.MAX_VALUE);
	}

	@Override
	public String toString() {
		return "'" + this.entryName + "' (" + this.entryClass.getName() + ")";
	}

}
