package io.asyncmiddleware.handler;

import java.util.AbstractMap;
import java.util.HashMap;
import java.util.HashSet;
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

	private final Map<String, Object> real;

	private final String[] hidden;

	// made on the first write and the first removal: most lookups write a few names, and
	// remove none
	private @Nullable Map<String, Object> written;

	private @Nullable Set<String> removed;

	ResolutionAttributes(Map<String, Object> real, String... hidden) {
		this.real = real;
		this.hidden = hidden;
	}

	/**
	 * What the mappings wrote, removals left out.
	 * @return the written attributes, by name
	 */
	Map<String, Object> written() {
		return (this.written != null) ? this.written : Map.of();
	}

	@Override
	public @Nullable Object get(Object name) {
		if (this.written != null) {
			Object value = this.written.get(name);
			if (value != null) {
				return value;
			}
		}
		if ((this.removed != null && this.removed.contains(name)) || isHidden(name)) {
			return null;
		}
		return this.real.get(name);
	}

	private boolean isHidden(Object name) {
		for (String hidden : this.hidden) {
			if (hidden.equals(name)) {
				return true;
			}
		}
		return false;
	}

	@Override
	public boolean containsKey(Object name) {
		return get(name) != null;
	}

	@Override
	public @Nullable Object put(String name, Object value) {
		Object previous = get(name);
		if (this.written == null) {
			this.written = new HashMap<>(8);
		}
		this.written.put(name, value);
		if (this.removed != null) {
			this.removed.remove(name);
		}
		return previous;
	}

	@Override
	public @Nullable Object remove(Object name) {
		Object previous = get(name);
		if (previous != null) {
			if (this.written != null) {
				this.written.remove(name);
			}
			if (this.removed == null) {
				this.removed = new HashSet<>(4);
			}
			this.removed.add((String) name);
		}
		return previous;
	}

	@Override
	public Set<Entry<String, Object>> entrySet() {
		// rare (a mapping iterating the attributes): a merged copy
		Map<String, Object> merged = new HashMap<>(this.real);
		for (String hidden : this.hidden) {
			merged.remove(hidden);
		}
		if (this.removed != null) {
			this.removed.forEach(merged::remove);
		}
		if (this.written != null) {
			merged.putAll(this.written);
		}
		return merged.entrySet();
	}

}
