package io.asyncmiddleware.middleware.messages;

import java.util.Locale;

import org.springframework.util.Assert;

/**
 * The level of a message, an integer as in Django's {@code django.contrib.messages}:
 * the five named levels below, or any other value an application defines (such as 29).
 *
 * @param value the numeric level; messages below the current minimum level are dropped
 */
public record Level(int value) implements Comparable<Level> {

	/** Development-only messages (Django: {@code messages.DEBUG}). */
	public static final Level DEBUG = new Level(10);

	/** Informational messages (Django: {@code messages.INFO}), the default minimum. */
	public static final Level INFO = new Level(20);

	/** An action succeeded (Django: {@code messages.SUCCESS}). */
	public static final Level SUCCESS = new Level(25);

	/** Something is not right yet (Django: {@code messages.WARNING}). */
	public static final Level WARNING = new Level(30);

	/** An action failed (Django: {@code messages.ERROR}). */
	public static final Level ERROR = new Level(40);

	/**
	 * Returns the level with the given numeric value.
	 * @param value the numeric level
	 * @return the level
	 */
	public static Level of(int value) {
		return new Level(value);
	}

	/**
	 * Parses a level from its name ({@code debug}, {@code info}, {@code success},
	 * {@code warning}, {@code error}, in any case) or its number ({@code 29}), so that
	 * properties may use either.
	 * @param text the name or number
	 * @return the level
	 * @throws IllegalArgumentException if the text is neither
	 */
	public static Level valueOf(String text) {
		Assert.hasText(text, "A message level must not be empty");
		String trimmed = text.trim();
		return switch (trimmed.toUpperCase(Locale.ROOT)) {
			case "DEBUG" -> DEBUG;
			case "INFO" -> INFO;
			case "SUCCESS" -> SUCCESS;
			case "WARNING" -> WARNING;
			case "ERROR" -> ERROR;
			default -> parseNumber(trimmed);
		};
	}

	private static Level parseNumber(String text) {
		try {
			return new Level(Integer.parseInt(text));
		}
		catch (NumberFormatException ex) {
			// the number format error says nothing more than this message
			throw new IllegalArgumentException("'" + text
					+ "' is not a message level: use debug, info, success, warning, error or a number");
		}
	}

	@Override
	public int compareTo(Level other) {
		return Integer.compare(this.value, other.value);
	}

}
