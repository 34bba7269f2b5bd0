package io.asyncmiddleware.detection.runtime;

import java.util.List;

/**
 * Recognises a held thread that is blocked rather than computing: waiting (sleep, wait,
 * park), or inside the native read, write, connect or lookup of a file or
 * socket. Within the warm-up window, a hold over budget counts as a stall only if its
 * stack shows this: slow interpreted code is the JIT warming up, a sleep is not.
 */
final class BlockingFrames {

	/** Packages whose native methods do file, socket or name-lookup I/O. */
	private static final List<String> IO_PACKAGES = List.of("java.io.", "java.net.", "sun.nio.ch.", "sun.nio.fs.");

	private BlockingFrames() {
	}

	/**
	 * Whether a held thread is blocked.
	 * @param state the thread's state when its stack was taken
	 * @param stack its stack, innermost first
	 * @return {@code true} if it waits or is inside native I/O
	 */
	static boolean isBlocking(Thread.State state, List<StackTraceElement> stack) {
		// not BLOCKED: a contended monitor on a cold JVM is mostly another thread loading or
		// initialising what both need (a cache filled on first use)
		if (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING) {
			return true;
		}
		if (stack.isEmpty()) {
			return false;
		}
		StackTraceElement top = stack.get(0);
		if (!top.isNativeMethod()) {
			return false;
		}
		String type = top.getClassName();
		if (type.equals("java.lang.Thread") || type.equals("java.lang.Object")
				|| type.equals("jdk.internal.misc.Unsafe")) {
			// sleep, wait and park are native; the thread state may lag behind
			return top.getMethodName().startsWith("sleep") || top.getMethodName().startsWith("wait")
					|| top.getMethodName().equals("park");
		}
		for (String prefix : IO_PACKAGES) {
			if (type.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

}
