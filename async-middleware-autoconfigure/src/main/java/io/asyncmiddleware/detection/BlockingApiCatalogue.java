package io.asyncmiddleware.detection;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * The blocking APIs the static scan looks for: each a type (subtypes match too) and
 * method pattern, with a description and the non-blocking alternative to suggest.
 *
 * <p>Immutable. {@link #defaults()} is the built-in catalogue; {@link #including} adds
 * entries (property {@code async-middleware.detection.blocking-apis}) and
 * {@link #excluding} allows APIs that would otherwise match (property
 * {@code async-middleware.detection.allowed-apis}). An allowed spec vetoes every call it
 * matches, by the same subtype rule: allowing {@code java.util.concurrent.locks.Lock#lock}
 * also allows {@code ReentrantLock.lock}.
 */
public final class BlockingApiCatalogue {

	private static final String CUSTOM_DESCRIPTION = "blocking API added by async-middleware.detection.blocking-apis";

	private static final String CUSTOM_SUGGESTION = "a non-blocking alternative, or mode adapt/isolate for this entry";

	private final List<BlockingApi> entries;

	private final List<BlockingApi> allowed;

	private final Map<String, List<BlockingApi>> entriesByType;

	private final Map<String, List<BlockingApi>> allowedByType;

	private BlockingApiCatalogue(List<BlockingApi> entries, List<BlockingApi> allowed) {
		this.entries = List.copyOf(entries);
		this.allowed = List.copyOf(allowed);
		this.entriesByType = byType(this.entries);
		this.allowedByType = byType(this.allowed);
	}

	private static Map<String, List<BlockingApi>> byType(List<BlockingApi> apis) {
		Map<String, List<BlockingApi>> byType = new LinkedHashMap<>();
		for (BlockingApi api : apis) {
			byType.computeIfAbsent(api.typeName(), (type) -> new ArrayList<>()).add(api);
		}
		return Collections.unmodifiableMap(byType);
	}

	/**
	 * The built-in catalogue: threads and locks, Reactor's {@code block*}, JDBC, JPA,
	 * blocking HTTP clients, sockets and files. The README lists them in a table.
	 * @return the default catalogue
	 */
	public static BlockingApiCatalogue defaults() {
		return new BlockingApiCatalogue(DefaultBlockingApis.ENTRIES, List.of());
	}

	/**
	 * A catalogue with the given specs added.
	 * @param specs specs of the form {@code fully.qualified.Type#method} or
	 * {@code fully.qualified.Type#*}
	 * @return a new catalogue
	 * @throws IllegalArgumentException for a spec not of that form; the message names it
	 */
	public BlockingApiCatalogue including(List<String> specs) {
		List<BlockingApi> added = new ArrayList<>(this.entries);
		for (String spec : specs) {
			added.add(parse(spec, "async-middleware.detection.blocking-apis", CUSTOM_DESCRIPTION, CUSTOM_SUGGESTION));
		}
		return new BlockingApiCatalogue(added, this.allowed);
	}

	/**
	 * A catalogue that no longer reports calls matching the given specs.
	 * @param specs specs of the same form as {@link #including}
	 * @return a new catalogue
	 * @throws IllegalArgumentException for a spec not of that form; the message names it
	 */
	public BlockingApiCatalogue excluding(List<String> specs) {
		List<BlockingApi> allowed = new ArrayList<>(this.allowed);
		for (String spec : specs) {
			allowed.add(parse(spec, "async-middleware.detection.allowed-apis", "allowed", ""));
		}
		return new BlockingApiCatalogue(this.entries, allowed);
	}

	private static BlockingApi parse(String spec, String property, String description, String suggestion) {
		try {
			return BlockingApi.parse(spec, description, suggestion);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(ex.getMessage() + " (in " + property + ")", ex);
		}
	}

	/**
	 * The catalogue's entries, built-in then added, in order.
	 * @return the entries
	 */
	public List<BlockingApi> entries() {
		return this.entries;
	}

	/**
	 * Find the entry a call matches.
	 * @param ownerTypes the call's owner type followed by all of its supertypes (binary
	 * names)
	 * @param methodName the called method's name
	 * @return the first matching entry, or {@code null} if none matches or the call is
	 * allowed
	 */
	public @Nullable BlockingApi match(Collection<String> ownerTypes, String methodName) {
		BlockingApi found = find(this.entriesByType, ownerTypes, methodName);
		if (found == null || find(this.allowedByType, ownerTypes, methodName) != null) {
			return null;
		}
		return found;
	}

	/**
	 * Find the entry a call matches, the derived JDK surface consulted when no listed
	 * entry matches; allowed APIs veto both.
	 * @param ownerTypes the call's owner type followed by all of its supertypes
	 * @param methodName the called method's name
	 * @param derived the derived entry for the call, if any
	 * @return the entry, or {@code null}
	 */
	@Nullable BlockingApi match(Collection<String> ownerTypes, String methodName,
			Supplier<@Nullable BlockingApi> derived) {
		BlockingApi found = find(this.entriesByType, ownerTypes, methodName);
		if (found == null) {
			found = derived.get();
		}
		if (found == null || find(this.allowedByType, ownerTypes, methodName) != null) {
			return null;
		}
		return found;
	}

	private static @Nullable BlockingApi find(Map<String, List<BlockingApi>> byType, Collection<String> types,
			String methodName) {
		for (String type : types) {
			for (BlockingApi api : byType.getOrDefault(type, List.of())) {
				if (api.matchesMethod(methodName)) {
					return api;
				}
			}
		}
		return null;
	}

}
