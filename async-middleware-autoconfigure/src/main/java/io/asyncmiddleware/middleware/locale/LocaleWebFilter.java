package io.asyncmiddleware.middleware.locale;

import io.asyncmiddleware.middleware.VaryHeader;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.util.Assert;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebExchangeDecorator;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Django's {@code LocaleMiddleware} without {@code i18n_patterns}: picks the request's
 * language from the language cookie, else the best supported {@code Accept-Language}
 * range ({@code *} ends the search), else the default language. Handlers see it as
 * {@link ServerWebExchange#getLocaleContext()} (a controller's {@link Locale} argument)
 * and as the {@link #LANGUAGE_CODE_ATTRIBUTE} attribute. The response gets
 * {@code Content-Language} unless it has one, and {@code Accept-Language} in {@code Vary}.
 */
public final class LocaleWebFilter implements WebFilter {

	/** The exchange attribute holding the chosen language code (Django: request.LANGUAGE_CODE). */
	public static final String LANGUAGE_CODE_ATTRIBUTE = LocaleWebFilter.class.getName() + ".LANGUAGE_CODE";

	private final SupportedLanguages languages;

	private final String defaultLanguage;

	private final String cookieName;

	/**
	 * Creates the filter.
	 * @param languageCode the default language (Django: {@code LANGUAGE_CODE})
	 * @param languages the supported languages (Django: {@code LANGUAGES})
	 * @param cookieName the language cookie (Django: {@code LANGUAGE_COOKIE_NAME})
	 */
	public LocaleWebFilter(String languageCode, List<String> languages, String cookieName) {
		Assert.hasText(languageCode, "'languageCode' must not be empty");
		Assert.hasText(cookieName, "'cookieName' must not be empty");
		this.languages = new SupportedLanguages(languages);
		String supported = this.languages.variantOf(languageCode);
		this.defaultLanguage = (supported != null) ? supported : languageCode.toLowerCase(Locale.ROOT);
		this.cookieName = cookieName;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String language = language(exchange.getRequest());
		exchange.getAttributes().put(LANGUAGE_CODE_ATTRIBUTE, language);
		HttpHeaders headers = exchange.getResponse().getHeaders();
		exchange.getResponse().beforeCommit(() -> Mono.fromRunnable(() -> {
			VaryHeader.add(headers, HttpHeaders.ACCEPT_LANGUAGE);
			if (!headers.containsHeader(HttpHeaders.CONTENT_LANGUAGE)) {
				headers.set(HttpHeaders.CONTENT_LANGUAGE, language);
			}
		}));
		LocaleContext localeContext = new SimpleLocaleContext(Locale.forLanguageTag(language));
		return chain.filter(new ServerWebExchangeDecorator(exchange) {

			@Override
			public LocaleContext getLocaleContext() {
				return localeContext;
			}

		});
	}

	/**
	 * The language a request gets (Django's {@code get_language_from_request}).
	 * @param request the request
	 * @return a supported language code, lower case, e.g. {@code pt-br}
	 */
	String language(ServerHttpRequest request) {
		HttpCookie cookie = request.getCookies().getFirst(this.cookieName);
		String fromCookie = this.languages.variantOf((cookie != null) ? cookie.getValue() : null);
		if (fromCookie != null) {
			return fromCookie;
		}
		String fromHeader = fromAcceptLanguage(request.getHeaders().getFirst(HttpHeaders.ACCEPT_LANGUAGE));
		return (fromHeader != null) ? fromHeader : this.defaultLanguage;
	}

	private @Nullable String fromAcceptLanguage(@Nullable String header) {
		if (header == null) {
			return null;
		}
		for (String range : AcceptLanguage.ranges(header)) {
			if (range.equals("*")) {
				return null;
			}
			String supported = this.languages.variantOf(range);
			if (supported != null) {
				return supported;
			}
		}
		return null;
	}

}
