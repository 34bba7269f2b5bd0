package io.asyncmiddleware.detection.runtime;

import java.util.List;
import java.util.Set;

/**
 * Recognises the stack of a thread that is loading or linking classes: what a cold JVM
 * does during its first requests (classes defined, lambdas, string concatenations and
 * dynamic constants bootstrapped, method handles linked), slow the first time and never
 * again. Only the frames above the entry's own frame count: class loading the entry
 * causes, not class loading further down the caller's stack.
 */
final class ColdJvmFrames {

	/** Classes whose every method is class loading or linking. */
	private static final Set<String> LOADING_CLASSES = Set.of("java.lang.ClassLoader",
			"java.security.SecureClassLoader", "java.net.URLClassLoader", "java.lang.invoke.MethodHandleNatives",
			"java.lang.invoke.BootstrapMethodInvoker", "java.lang.invoke.LambdaMetafactory",
			"java.lang.invoke.InnerClassLambdaMetafactory", "java.lang.invoke.StringConcatFactory",
			"java.lang.invoke.InvokerBytecodeGenerator", "java.lang.invoke.CallSite",
			"java.lang.invoke.ConstantBootstraps");

	/** Class name prefixes of class loaders. */
	private static final List<String> LOADING_PREFIXES = List.of("jdk.internal.loader.",
			"org.springframework.boot.loader.");

	private ColdJvmFrames() {
	}

	/**
	 * Whether a held thread is loading or linking classes for the entry.
	 * @param stack the thread's stack, innermost first
	 * @param entryClass the entry's class
	 * @return {@code true} if a frame above the entry's is class loading or linking
	 */
	static boolean isLoadingOrLinking(List<StackTraceElement> stack, Class<?> entryClass) {
		String entry = entryClass.getName();
		for (StackTraceElement frame : stack) {
			String type = frame.getClassName();
			if (type.equals(entry) || type.startsWith(entry + "$")) {
				return false;
			}
			if (LOADING_CLASSES.contains(type) || isLoader(type) || isClassForName(frame)
					|| isLookupDefine(frame)) {
				return true;
			}
		}
		return false;
	}

	private static boolean isLoader(String type) {
		for (String prefix : LOADING_PREFIXES) {
			if (type.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

	private static boolean isClassForName(StackTraceElement frame) {
		return frame.getClassName().equals("java.lang.Class") && frame.getMethodName().startsWith("forName");
	}

	private static boolean isLookupDefine(StackTraceElement frame) {
		return frame.getClassName().equals("java.lang.invoke.MethodHandles$Lookup")
				&& frame.getMethodName().startsWith("define");
	}

}
