package io.asyncmiddleware.autoconfigure;

import io.asyncmiddleware.stack.InvalidStackException;
import io.asyncmiddleware.stack.UnknownMiddlewareException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a stack that names unknown entries, repeats a name, or breaks an ordering rule.
 */
class InvalidStackFailureAnalyzer extends AbstractFailureAnalyzer<IllegalStateException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, IllegalStateException cause) {
		if (cause instanceof UnknownMiddlewareException unknown) {
			String description = "async-middleware.stack names " + unknown.getUnknownNames()
					+ ", which match nothing.\n\n  Built-in entries: " + unknown.getBuiltInNames()
					+ "\n  WebFilter and SyncHooks beans: " + unknown.getBeanNames();
			return new FailureAnalysis(description,
					"Correct the name in async-middleware.stack, or declare a WebFilter or SyncHooks bean with that name.",
					cause);
		}
		if (cause instanceof InvalidStackException invalid) {
			return new FailureAnalysis("async-middleware.stack is invalid:\n\n  - "
					+ String.join("\n  - ", invalid.getProblems()), "Fix async-middleware.stack as described above.",
					cause);
		}
		return null;
	}

}
