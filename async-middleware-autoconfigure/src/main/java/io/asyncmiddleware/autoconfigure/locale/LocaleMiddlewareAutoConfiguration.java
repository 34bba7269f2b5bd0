package io.asyncmiddleware.autoconfigure.locale;

import io.asyncmiddleware.autoconfigure.ConditionalOnAsyncMiddleware;
import io.asyncmiddleware.middleware.locale.LocaleWebFilter;
import io.asyncmiddleware.stack.BuiltInMiddleware;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@code locale} entry (Django's {@code LocaleMiddleware}, without
 * {@code i18n_patterns}). An empty language list or cookie name stops the startup, naming
 * the property.
 */
@AutoConfiguration
@ConditionalOnAsyncMiddleware
@EnableConfigurationProperties(LocaleMiddlewareProperties.class)
public final class LocaleMiddlewareAutoConfiguration {

	@Bean
	BuiltInMiddleware localeBuiltInMiddleware(LocaleMiddlewareProperties properties) {
		if (properties.getLanguages().isEmpty()) {
			throw new InvalidConfigurationPropertyValueException("async-middleware.locale.languages", "",
					"At least one supported language is needed");
		}
		if (!hasText(properties.getCookieName())) {
			throw new InvalidConfigurationPropertyValueException("async-middleware.locale.cookie-name",
					properties.getCookieName(), "A cookie name is needed");
		}
		if (!hasText(properties.getLanguageCode())) {
			throw new InvalidConfigurationPropertyValueException("async-middleware.locale.language-code",
					properties.getLanguageCode(), "A default language is needed");
		}
		return BuiltInMiddleware.of("locale", LocaleWebFilter.class, () -> new LocaleWebFilter(
				properties.getLanguageCode(), properties.getLanguages(), properties.getCookieName()));
	}

	private static boolean hasText(String value) {
		return value != null && !value.isBlank();
	}

}
