package io.asyncmiddleware.detection;

import java.util.regex.Pattern;

import org.springframework.util.Assert;

/**
 * One entry of the {@link BlockingApiCatalogue}: a type, the methods of it that block, why,
 * and what to use instead.
 *
 * <p>A call matches when its owner is {@link #typeName()} or one of its subtypes and its
 * method name matches {@link #methodPattern()}: an exact name, {@code *} for any method,
 * or a prefix ending in {@code *} (e.g. {@code block*}). Constructors never match.
 *
 * @param typeName the binary name of the type, e.g. {@code java.sql.Statement} (nested
 * types with {@code $})
 * @param methodPattern the method name, {@code *}, or a prefix followed by {@code *}
 * @param description what the call does, in words, e.g. "JDBC statement execution"
 * @param suggestion the non-blocking alternative, e.g. "R2DBC (DatabaseClient)"
 */
public record BlockingApi(String typeName, String methodPattern, String description, String suggestion) {

	private static final String IDENTIFIER = "[\\p{L}_$][\\p{L}\\p{N}_$]*";

	private static final Pattern SPEC = Pattern
		.compile("(" + IDENTIFIER + "(?:\\." + IDENTIFIER + ")*)#(\\*|" + IDENTIFIER + "\\*?)");

	static final String EXPECTED_FORM = "expected 'fully.qualified.Type#method' or 'fully.qualified.Type#*' "
			+ "(a method name may end with '*' to match a prefix, nested types use '$')";

	public BlockingApi {
		Assert.hasText(typeName, "'typeName' must not be empty");
		Assert.hasText(methodPattern, "'methodPattern' must not be empty");
	}

	/**
	 * Parse a {@code type#method} spec, as written in the detection properties.
	 * @param spec the spec, e.g. {@code com.acme.LegacyClient#call}
	 * @param description what the call does
	 * @param suggestion what to use instead
	 * @return the entry
	 * @throws IllegalArgumentException if the spec is not of the expected form; the
	 * message names the spec and the form
	 */
	public static BlockingApi parse(String spec, String description, String suggestion) {
		String trimmed = (spec != null) ? spec.strip() : "";
		var matcher = SPEC.matcher(trimmed);
		if (!matcher.matches()) {
			throw new IllegalArgumentException("Invalid API spec '" + spec + "': " + EXPECTED_FORM);
		}
		return new BlockingApi(matcher.group(1), matcher.group(2), description, suggestion);
	}

	/**
	 * Whether a method name matches this entry's pattern.
	 * @param methodName the called method's name
	 * @return {@code true} on a match
	 */
	public boolean matchesMethod(String methodName) {
		if (methodName.startsWith("<")) {
			return false;
		}
		if (this.methodPattern.equals("*")) {
			return true;
		}
		if (this.methodPattern.endsWith("*")) {
			return methodName.startsWith(this.methodPattern.substring(0, this.methodPattern.length() - 1));
		}
		return this.methodPattern.equals(methodName);
	}

	/**
	 * The spec form of this entry, e.g. {@code java.lang.Thread#sleep}.
	 * @return the spec
	 */
	public String spec() {
		return this.typeName + "#" + this.methodPattern;
	}

}
