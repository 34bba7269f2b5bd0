package io.asyncmiddleware.stack;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.asyncmiddleware.chain.ComposedStackWebFilter;
import io.asyncmiddleware.execution.ExecutionMode;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.OrderUtils;
import org.springframework.web.server.WebFilter;

/**
 * The assembled chain: every filter that runs, in order, each with its verdict, mode and
 * live figures. The declared stack (Django's {@code MIDDLEWARE}) is one contiguous block
 * inside it.
 *
 * <p>Disposing the stack releases what its modes hold (bulkhead executors).
 */
public final class MiddlewareStack implements Disposable {

	private final List<String> declared;

	private final ExecutionMode mode;

	private final int order;

	private final List<StackEntry> entries;

	private final Map<Object, StackEntry> entriesByOriginal;

	private final List<InstalledFilter> installed;

	@Nullable
	private final ComposedStackWebFilter composed;

	private final Disposable resources;

	MiddlewareStack(List<String> declared, ExecutionMode mode, int order, List<StackEntry> entries,
			Map<Object, StackEntry> entriesByOriginal, List<InstalledFilter> installed,
			@Nullable ComposedStackWebFilter composed, Disposable resources) {
		this.declared = List.copyOf(declared);
		this.mode = mode;
		this.order = order;
		this.entries = List.copyOf(entries);
		this.entriesByOriginal = Collections.unmodifiableMap(new IdentityHashMap<>(entriesByOriginal));
		this.installed = List.copyOf(installed);
		this.composed = composed;
		this.resources = resources;
	}

	/**
	 * The names declared in {@code async-middleware.stack}, in order.
	 * @return the declared names
	 */
	public List<String> getDeclared() {
		return this.declared;
	}

	/**
	 * The global mode for blocking entries.
	 * @return the mode
	 */
	public ExecutionMode getMode() {
		return this.mode;
	}

	/**
	 * The order of the stack block among the other filters.
	 * @return the order
	 */
	public int getOrder() {
		return this.order;
	}

	/**
	 * Every filter of the chain, in the order it runs.
	 * @return the entries
	 */
	public List<StackEntry> getEntries() {
		return this.entries;
	}

	/**
	 * The entry with the given name.
	 * @param name the entry's name
	 * @return the entry, if any
	 */
	public Optional<StackEntry> getEntry(String name) {
		return this.entries.stream().filter((entry) -> entry.name().equals(name)).findFirst();
	}

	/**
	 * The declared stack composed into one filter, as it runs in Spring's chain.
	 * @return the composed filter, or empty when nothing is declared
	 */
	public Optional<ComposedStackWebFilter> getComposedStack() {
		return Optional.ofNullable(this.composed);
	}

	/**
	 * Rewrites a filter list collected by {@code WebHttpHandlerBuilder} into the chain as
	 * assembled: the declared block becomes one composed filter, built-in entries
	 * included; known filters outside it are replaced by their installed (measured) form
	 * in the assembled order; and filters this stack does not know (added by someone else
	 * after assembly) keep their place by their order.
	 * @param collected the filters as collected
	 * @return the filters to run, in order
	 */
	public List<WebFilter> arrange(List<WebFilter> collected) {
		List<WebFilter> arranged = new ArrayList<>(this.installed.size() + collected.size());
		List<Integer> orders = new ArrayList<>(this.installed.size() + collected.size());
		for (InstalledFilter filter : this.installed) {
			arranged.add(filter.filter());
			orders.add(filter.order());
		}
		for (WebFilter filter : collected) {
			if (!this.entriesByOriginal.containsKey(filter) && !arranged.contains(filter)) {
				int filterOrder = orderOf(filter);
				int index = 0;
				while (index < orders.size() && orders.get(index) <= filterOrder) {
					index++;
				}
				arranged.add(index, filter);
				orders.add(index, filterOrder);
			}
		}
		return arranged;
	}

	private static int orderOf(WebFilter filter) {
		if (filter instanceof Ordered ordered) {
			return ordered.getOrder();
		}
		Integer order = OrderUtils.getOrder(filter.getClass());
		return (order != null) ? order : Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void dispose() {
		this.resources.dispose();
	}

	@Override
	public boolean isDisposed() {
		return this.resources.isDisposed();
	}

}
