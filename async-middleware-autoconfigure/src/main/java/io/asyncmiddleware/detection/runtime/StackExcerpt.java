package io.asyncmiddleware.detection.runtime;

import java.util.List;

/**
 * The few stack frames a run-time finding shows: the top of the stack, and the entry's
 * own frame when it lies deeper (a JDBC call shows driver frames first).
 */
final class StackExcerpt {

	private static final int TOP_FRAMES = 6;

	private StackExcerpt() {
	}

	/**
	 * Format frames as {@code at a(A.java:1)\n\tat b(B.java:2)...}.
	 * @param frames the frames, innermost first
	 * @param entryClass the entry's class, whose first frame is always shown
	 * @return the excerpt
	 */
	static String of(List<StackTraceElement> frames, Class<?> entryClass) {
		if (frames.isEmpty()) {
			return "(no stack)";
		}
		StringBuilder excerpt = new StringBuilder();
		int shown = Math.min(TOP_FRAMES, frames.size());
		for (int i = 0; i < shown; i++) {
			excerpt.append((i > 0) ? "\n\tat " : "at ").append(format(frames.get(i)));
		}
		int entryFrame = indexOfEntryFrame(frames, entryClass);
		if (entryFrame >= shown) {
			if (entryFrame > shown) {
				excerpt.append("\n\t... ").append(entryFrame - shown).append(" more");
			}
			excerpt.append("\n\tat ").append(format(frames.get(entryFrame)));
		}
		return excerpt.toString();
	}

	// as in a stack trace, without the class loader and module prefixes
	private static String format(StackTraceElement frame) {
		String location;
		if (frame.isNativeMethod()) {
			location = "Native Method";
		}
		else if (frame.getFileName() == null) {
			location = "Unknown Source";
		}
		else {
			location = (frame.getLineNumber() >= 0) ? frame.getFileName() + ":" + frame.getLineNumber()
					: frame.getFileName();
		}
		return frame.getClassName() + "." + frame.getMethodName() + "(" + location + ")";
	}

	private static int indexOfEntryFrame(List<StackTraceElement> frames, Class<?> entryClass) {
		String name = entryClass.getName();
		for (int i = 0; i < frames.size(); i++) {
			String frameClass = frames.get(i).getClassName();
			// nested, anonymous and lambda classes are named Outer$...
			if (frameClass.equals(name) || frameClass.startsWith(name + "$")) {
				return i;
			}
		}
		return -1;
	}

}
