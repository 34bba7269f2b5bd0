package io.asyncmiddleware.middleware.locale;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The languages a site offers (Django's {@code LANGUAGES}) and Django's
 * {@code get_supported_language_variant}: a code is served as itself, else as its generic
 * language ({@code de-de} → {@code de}), else as the first supported variant of that
 * generic language ({@code de} → {@code de-at}).
 */
final class SupportedLanguages {

	/** Django's language_code_re. */
	private static final Pattern LANGUAGE_CODE = Pattern.compile("[a-z]{1,8}(?:-[a-z0-9]{1,8})*(?:@[a-z0-9]{1,20})?",
			Pattern.CASE_INSENSITIVE);

	private final Set<String> codes;

	SupportedLanguages(List<String> codes) {
		Assert.notEmpty(codes, "'codes' must not be empty");
		this.codes = new LinkedHashSet<>();
		codes.forEach((code) -> this.codes.add(code.trim().toLowerCase(Locale.ROOT)));
	}

	/**
	 * The supported code that serves a requested one.
	 * @param code the requested code, e.g. {@code de-DE}
	 * @return the supported code, or {@code null} if none serves it
	 */
	@Nullable String variantOf(@Nullable String code) {
		if (code == null || code.length() > 50 || !LANGUAGE_CODE.matcher(code).matches()) {
			return null;
		}
		String requested = code.toLowerCase(Locale.ROOT);
		if (this.codes.contains(requested)) {
			return requested;
		}
		String generic = requested.split("-", 2)[0];
		if (this.codes.contains(generic)) {
			return generic;
		}
		for (String supported : this.codes) {
			if (supported.startsWith(generic + "-")) {
				return supported;
			}
		}
		return null;
	}

}
