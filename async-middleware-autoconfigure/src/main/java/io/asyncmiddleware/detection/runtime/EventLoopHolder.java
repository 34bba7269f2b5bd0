package io.asyncmiddleware.detection.runtime;

import org.jspecify.annotations.Nullable;

/**
 * A stack entry as it appears on an {@link EventLoopHold}: its name, its class and the
 * watchdog (if any) that watches it. Created once per entry, so marking a thread costs no
 * allocation.
 *
 * @param entryName the entry's name in the stack
 * @param entryClass the entry's filter class
 * @param watchdog the watchdog that reports the entry's stalls, or {@code null}
 */
public record EventLoopHolder(String entryName, Class<?> entryClass, @Nullable EventLoopStallWatchdog watchdog) {

	@Override
	public String toString() {
		return "'" + this.entryName + "' (" + this.entryClass.getName() + ")";
	}

}
