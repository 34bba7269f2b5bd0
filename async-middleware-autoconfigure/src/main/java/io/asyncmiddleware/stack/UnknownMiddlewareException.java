package io.asyncmiddleware.stack;

import java.util.List;

/**
 * Thrown at startup when {@code async-middleware.stack} names an entry that is neither a
 * built-in entry nor a {@code WebFilter} or {@code SyncHooks} bean.
 */
public class UnknownMiddlewareException extends IllegalStateException {

	private final List<String> unknownNames;

	private final List<String> builtInNames;

	private final List<String> beanNames;

	/**
	 * Creates the exception.
	 * @param unknownNames the names that match nothing
	 * @param builtInNames the built-in entries available
	 * @param beanNames the filter beans available
	 */
	public UnknownMiddlewareException(List<String> unknownNames, List<String> builtInNames, List<String> beanNames) {
		super("async-middleware.stack names " + unknownNames + ", which match no built-in entry " + builtInNames
				+ " and no WebFilter or SyncHooks bean " + beanNames);
		this.unknownNames = List.copyOf(unknownNames);
		this.builtInNames = List.copyOf(builtInNames);
		this.beanNames = List.copyOf(beanNames);
	}

	/**
	 * The names that match nothing.
	 * @return the unknown names
	 */
	public List<String> getUnknownNames() {
		return this.unknownNames;
	}

	/**
	 * The built-in entries that exist.
	 * @return the built-in names
	 */
	public List<String> getBuiltInNames() {
		return this.builtInNames;
	}

	/**
	 * The {@code WebFilter} and {@code SyncHooks} beans that exist.
	 * @return the bean names
	 */
	public List<String> getBeanNames() {
		return this.beanNames;
	}

}
