package io.asyncmiddleware.stack;

import java.util.List;

/**
 * Thrown at startup when {@code async-middleware.stack} is malformed: a name listed
 * twice, or an entry placed before one it needs (Django's ordering rules, e.g.
 * {@code authentication} after {@code session}).
 */
public class InvalidStackException extends IllegalStateException {

	private final List<String> problems;

	/**
	 * Creates the exception.
	 * @param problems one sentence per problem, each naming the entries involved
	 */
	public InvalidStackException(List<String> problems) {
		super("async-middleware.stack is invalid: " + String.join(" ", problems));
		this.problems = List.copyOf(problems);
	}

	/**
	 * The problems found.
	 * @return one sentence per problem
	 */
	public List<String> getProblems() {
		return this.problems;
	}

}
