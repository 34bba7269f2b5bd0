package io.asyncmiddleware.stack;

import java.util.List;
import java.util.function.Supplier;

import org.springframework.util.Assert;
import org.springframework.web.server.WebFilter;

/**
 * A built-in stack entry that a user can name in {@code async-middleware.stack}, such as
 * {@code csrf} or {@code session}: the counterpart of a dotted path in Django's
 * {@code MIDDLEWARE}.
 *
 * <p>Auto-configurations contribute one bean of this type per entry. Built-in entries are
 * deliberately not {@link WebFilter} beans, so that they run only when the stack names
 * them; the filter is created on first use.
 *
 * @param name the name used in {@code async-middleware.stack}, e.g. {@code x-frame-options}
 * @param filterType the class of the filter, for reporting before it is created
 * @param filterFactory creates the filter; called at most once
 * @param requiredBefore names of entries that must come before this one in the stack
 * (Django: AuthenticationMiddleware needs SessionMiddleware above it)
 */
public record BuiltInMiddleware(String name, Class<? extends WebFilter> filterType,
		Supplier<? extends WebFilter> filterFactory, List<String> requiredBefore) {

	public BuiltInMiddleware {
		Assert.hasText(name, "'name' must not be empty");
		Assert.notNull(filterType, "'filterType' must not be null");
		Assert.notNull(filterFactory, "'filterFactory' must not be null");
		requiredBefore = List.copyOf(requiredBefore);
	}

	/**
	 * Creates a built-in entry with no ordering requirement.
	 * @param name the stack name
	 * @param filterType the filter class
	 * @param filterFactory creates the filter
	 */
	public BuiltInMiddleware(String name, Class<? extends WebFilter> filterType,
			Supplier<? extends WebFilter> filterFactory) {
		this(name, filterType, filterFactory, List.of());
	}

	/**
	 * A copy of this entry that requires the named entries before it in the stack.
	 * Startup fails, naming both, when the stack breaks the requirement.
	 * @param names entries that must come earlier
	 * @return the copy
	 */
	public BuiltInMiddleware requiring(String... names) {
		return new BuiltInMiddleware(this.name, this.filterType, this.filterFactory, List.of(names));
	}

	/**
	 * Convenience factory for a built-in entry.
	 * @param name the stack name
	 * @param filterType the filter class
	 * @param filterFactory creates the filter
	 * @param <F> the filter type
	 * @return the entry
	 */
	public static <F extends WebFilter> BuiltInMiddleware of(String name, Class<F> filterType,
			Supplier<F> filterFactory) {
		return new BuiltInMiddleware(name, filterType, filterFactory);
	}

}
