package io.asyncmiddleware.handler;

import java.util.AbstractMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The attributes a {@link ResolutionExchange} shows the handler mappings: the real
 * exchange's, read through, with the mappings' writes kept apart and some names hidden.
 * A lookup writes a handful of attributes; copying the exchange's whole map for it cost
 * more than the lookup's own work.
 */
final class ResolutionAttributes extends AbstractMap<String, Object> {

	// a removed name is kept here with this value
	private static final Object REMOVED = new Object();

	private final Map<String, Object> real;

	private final Map<String, Object> written = new HashMap<>(8);

	ResolutionAttributes(Map<String, Object> real, String... hidden) {
		this.real = real;
		for (String name : hidden) {
			this.written.put(name, REMOVED);
		}
	}

	/**
	 * What the mappings wrote, removals left out.
	 * @return the written attributes, by name
	 */
	Map<String, Object> written() {
		Map<String, Object> written = new HashMap<>(this.written.size());
		this.written.forEach((name, value) -> {
			if (value != REMOVED) {
				written.put(name, value);
			}
		});
		return written;
	}

	@Override
	public @Nullable Object get(Object name) {
		Object value = this.written.get(name);
		if (value != null) {
			return (value != REMOVED) ? value : null;
		}
		return this.real.get(name);
	}

	@Override
	public boolean containsKey(Object name) {
		return get(name) != null;
	}

	@Override
	public @Nullable Object put(String name, Object value) {
		Object previous = get(name);
		this.written.put(name, value);
		return previous;
	}

	@Override
	public @Nullable Object remove(Object name) {
		Object previous = get(name);
		if (previous != null) {
			this.written.put((String) name, REMOVED);
		}
		return previous;
	}

	@Override
	public Set<Entry<String, Object>> entrySet() {
		// rare (a mapping iterating the attributes): a merged copy
		Map<String, Object> merged = new HashMap<>(this.real);
		this.written.forEach((name, value) -> {
			if (value != REMOVED) {
				merged.put(name, value);
			}
			else {
				merged.remove(name);
			}
		});
		return merged.entrySet();
	}

}
