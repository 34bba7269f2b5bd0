package io.asyncmiddleware.autoconfigure.locale;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the {@code locale} entry, Django's {@code LocaleMiddleware}.
 */
@ConfigurationProperties("async-middleware.locale")
public class LocaleMiddlewareProperties {

	/**
	 * Language used when neither the cookie nor Accept-Language names a supported one; served
	 * as its supported variant, so "en-us" gives "en" (Django: LANGUAGE_CODE).
	 */
	private String languageCode = "en-us";

	/**
	 * Supported language codes, lower case, e.g. "pt-br" (Django: LANGUAGES).
	 */
	private List<String> languages = new ArrayList<>(List.of("en", "en-gb", "de", "fr", "nl", "es", "it", "pt",
			"pt-br", "pl", "sv", "da", "fi", "nb", "cs", "ru", "uk", "ja", "zh-hans", "zh-hant", "ko", "ar", "tr"));

	/**
	 * Name of the cookie holding the user's chosen language (Django: LANGUAGE_COOKIE_NAME).
	 */
	private String cookieName = "django_language";

	public String getLanguageCode() {
		return this.languageCode;
	}

	public void setLanguageCode(String languageCode) {
		this.languageCode = languageCode;
	}

	public List<String> getLanguages() {
		return this.languages;
	}

	public void setLanguages(List<String> languages) {
		this.languages = languages;
	}

	public String getCookieName() {
		return this.cookieName;
	}

	public void setCookieName(String cookieName) {
		this.cookieName = cookieName;
	}

}
