package io.asyncmiddleware.detection;

import org.jspecify.annotations.Nullable;

/**
 * One frame of an evidence chain: a method, and where in its source the next call is.
 *
 * @param className the fully qualified class name (binary name, with {@code $})
 * @param methodName the method name, e.g. {@code filter} or {@code lambda$filter$0}
 * @param sourceFile the source file name from the class file, if recorded
 * @param line the line of the call in that method, or {@code -1} if unknown
 */
public record CallSite(String className, String methodName, @Nullable String sourceFile, int line) {

	/**
	 * The simple class name and the method, e.g. {@code AuditFilter.filter}.
	 * @return the short form
	 */
	public String shortName() {
		String simple = this.className.substring(this.className.lastIndexOf('.') + 1);
		return simple + "." + this.methodName;
	}

	@Override
	public String toString() {
		if (this.line > 0 && this.sourceFile != null) {
			return shortName() + "(" + this.sourceFile + ":" + this.line + ")";
		}
		return shortName();
	}

}
