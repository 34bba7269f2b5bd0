package io.asyncmiddleware.middleware.messages;

import java.util.HashMap;
import java.util.Map;

/**
 * The tag of each level: Django's defaults ({@code debug}, {@code info},
 * {@code success}, {@code warning}, {@code error}) with overrides merged over them, as
 * Django's {@code MESSAGE_TAGS} setting does.
 */
public final class MessageTags {

	private static final Map<Integer, String> DEFAULTS = Map.of(Level.DEBUG.value(), "debug", Level.INFO.value(),
			"info", Level.SUCCESS.value(), "success", Level.WARNING.value(), "warning", Level.ERROR.value(), "error");

	private final Map<Integer, String> tags;

	private MessageTags(Map<Integer, String> tags) {
		this.tags = Map.copyOf(tags);
	}

	/**
	 * Django's default tags.
	 * @return the default tags
	 */
	public static MessageTags defaults() {
		return new MessageTags(DEFAULTS);
	}

	/**
	 * Django's default tags with the given ones merged over them.
	 * @param overrides tags by numeric level
	 * @return the merged tags
	 */
	public static MessageTags withOverrides(Map<Integer, String> overrides) {
		Map<Integer, String> merged = new HashMap<>(DEFAULTS);
		merged.putAll(overrides);
		return new MessageTags(merged);
	}

	/**
	 * Returns the tag of a level.
	 * @param level the numeric level
	 * @return its tag, empty when the level has none
	 */
	public String tagOf(int level) {
		return this.tags.getOrDefault(level, "");
	}

}
