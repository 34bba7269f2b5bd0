package io.asyncmiddleware.middleware.locale;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.config.EnableWebFlux;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.WebFilter;

import static org.springframework.web.reactive.function.server.RouterFunctions.route;

class LocaleWebFilterTests {

	private static final List<String> LANGUAGES = List.of("en", "de", "fr", "nl", "pt-br", "es");

	private static final RouterFunction<ServerResponse> ROUTES = route()
		.GET("/hello/",
				(request) -> ServerResponse.ok()
					.bodyValue(request.exchange().getLocaleContext().getLocale().toLanguageTag() + " "
							+ request.exchange().getAttribute(LocaleWebFilter.LANGUAGE_CODE_ATTRIBUTE)))
		.GET("/own/", (request) -> ServerResponse.ok().header(HttpHeaders.CONTENT_LANGUAGE, "x-own").bodyValue("own"))
		.GET("/vary/", (request) -> ServerResponse.ok()
			.header(HttpHeaders.VARY, request.queryParam("v").orElse(""))
			.bodyValue("vary"))
		.GET("/forbidden/", (request) -> Mono.error(new ResponseStatusException(HttpStatus.FORBIDDEN)))
		.build();

	@Test
	@DisplayName("LOC-01: a URL outside i18n patterns -> 200 with Vary: Accept-Language")
	void varyAdded() {
		client().get().uri("/hello/").exchange().expectStatus().isOk().expectHeader()
			.valueEquals(HttpHeaders.VARY, "Accept-Language");
	}

	@Test
	@DisplayName("2.10 observed: no Accept-Language -> Content-Language: en (language-code en-us served as en)")
	void defaultLanguage() {
		client().get().uri("/hello/").exchange().expectHeader().valueEquals(HttpHeaders.CONTENT_LANGUAGE, "en")
			.expectBody(String.class).isEqualTo("en en");
	}

	@Test
	@DisplayName("2.10 observed: Accept-Language: de-DE,de;q=0.9 -> de")
	void germanVariant() {
		expectLanguage("de-DE,de;q=0.9", "de");
	}

	@Test
	@DisplayName("2.10 observed: Accept-Language: xx -> en")
	void unsupportedLanguage() {
		expectLanguage("xx", "en");
	}

	@Test
	@DisplayName("2.10 observed: Cookie django_language=fr -> fr, over Accept-Language")
	void cookieWins() {
		client().get().uri("/hello/").cookie("django_language", "fr").header(HttpHeaders.ACCEPT_LANGUAGE, "de")
			.exchange().expectHeader().valueEquals(HttpHeaders.CONTENT_LANGUAGE, "fr").expectBody(String.class)
			.isEqualTo("fr fr");
	}

	@Test
	@DisplayName("an unsupported cookie value falls back to Accept-Language; a custom cookie name is read")
	void unsupportedCookie() {
		client().get().uri("/hello/").cookie("django_language", "xx").header(HttpHeaders.ACCEPT_LANGUAGE, "nl")
			.exchange().expectHeader().valueEquals(HttpHeaders.CONTENT_LANGUAGE, "nl");
		WebTestClient.bindToRouterFunction(ROUTES).webFilter(new LocaleWebFilter("en-us", LANGUAGES, "lang")).build()
			.get().uri("/hello/").cookie("lang", "es").exchange().expectHeader()
			.valueEquals(HttpHeaders.CONTENT_LANGUAGE, "es");
	}

	@Test
	@DisplayName("LOC-08: pt-BR is served as pt-br (Locale pt-BR for handlers); nl as nl")
	void portugueseBrazil() {
		client().get().uri("/hello/").header(HttpHeaders.ACCEPT_LANGUAGE, "pt-BR").exchange().expectHeader()
			.valueEquals(HttpHeaders.CONTENT_LANGUAGE, "pt-br").expectBody(String.class).isEqualTo("pt-BR pt-br");
		expectLanguage("nl-NL", "nl");
	}

	@Test
	@DisplayName("ranges are tried in q order: fr;q=0.5, de;q=0.8 -> de")
	void qOrder() {
		expectLanguage("fr;q=0.5, de;q=0.8", "de");
		expectLanguage("xx, es;q=0.1", "es");
	}

	@Test
	@DisplayName("'*' ends the search: xx, *, de -> the default")
	void wildcardStops() {
		expectLanguage("xx, *;q=0.9, de;q=0.5", "en");
	}

	@Test
	@DisplayName("a generic request is served by a supported variant (de -> de-at), as Django does")
	void genericToVariant() {
		WebTestClient.bindToRouterFunction(ROUTES).webFilter(new LocaleWebFilter("en", List.of("en", "de-at"),
				"django_language")).build().get().uri("/hello/").header(HttpHeaders.ACCEPT_LANGUAGE, "de")
			.exchange().expectHeader().valueEquals(HttpHeaders.CONTENT_LANGUAGE, "de-at");
	}

	@Test
	@DisplayName("language-code sets the default: fr")
	void customDefault() {
		WebTestClient.bindToRouterFunction(ROUTES).webFilter(new LocaleWebFilter("fr", LANGUAGES, "django_language"))
			.build().get().uri("/hello/").exchange().expectHeader().valueEquals(HttpHeaders.CONTENT_LANGUAGE, "fr");
	}

	@ParameterizedTest(name = "bad Accept-Language \"{0}\" -> the default, 200")
	@ValueSource(strings = { "de;q=2", "!!!", ";;,,", "d\u00e9", "de-DE-toolongsubtag", "   ", "en; q=abc",
			"\u4e2d\u6587" })
	@DisplayName("garbage Accept-Language -> the default language, never an error")
	void garbageHeader(String header) {
		expectLanguage(header, "en");
	}

	@Test
	@DisplayName("an over-long Accept-Language (over 500 chars) is cut at its last comma within the limit; without one -> the default")
	void overLongHeader() {
		expectLanguage("de-" + "a".repeat(600), "en");
		expectLanguage("xx;q=0.9, " + "zz, ".repeat(130) + "de, " + "qq, ".repeat(10), "en");
		expectLanguage("nl;q=0.8, " + "zz, ".repeat(100) + "x".repeat(200), "nl");
	}

	@Test
	@DisplayName("a Content-Language set by the handler is kept")
	void ownContentLanguageKept() {
		client().get().uri("/own/").header(HttpHeaders.ACCEPT_LANGUAGE, "de").exchange().expectHeader()
			.valueEquals(HttpHeaders.CONTENT_LANGUAGE, "x-own").expectHeader()
			.valueEquals(HttpHeaders.VARY, "Accept-Language");
	}

	@Test
	@DisplayName("Vary is patched as Django does: appended with ', ', not repeated (any case), '*' stays alone")
	void varyPatching() {
		client().get().uri("/vary/?v=Cookie").exchange().expectHeader().valueEquals(HttpHeaders.VARY,
				"Cookie, Accept-Language");
		client().get().uri("/vary/?v=accept-language").exchange().expectHeader().valueEquals(HttpHeaders.VARY,
				"accept-language");
		client().get().uri("/vary/?v=*").exchange().expectHeader().valueEquals(HttpHeaders.VARY, "*");
	}

	@Test
	@DisplayName("error pages (403 from the handler, 404 without route) get Content-Language and Vary")
	void errorPages() {
		client().get().uri("/forbidden/").header(HttpHeaders.ACCEPT_LANGUAGE, "fr").exchange().expectStatus()
			.isForbidden().expectHeader().valueEquals(HttpHeaders.CONTENT_LANGUAGE, "fr").expectHeader()
			.valueEquals(HttpHeaders.VARY, "Accept-Language");
		client().get().uri("/nowhere/").exchange().expectStatus().isNotFound().expectHeader()
			.valueEquals(HttpHeaders.CONTENT_LANGUAGE, "en");
	}

	@Test
	@DisplayName("a controller's Locale argument is the chosen language")
	void controllerLocale() {
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(ControllerApp.class)) {
			WebTestClient.bindToApplicationContext(context).build().get().uri("/locale/")
				.header(HttpHeaders.ACCEPT_LANGUAGE, "de-CH, fr;q=0.5").exchange().expectBody(String.class)
				.isEqualTo("de");
		}
	}

	private static void expectLanguage(String acceptLanguage, String language) {
		client().get().uri("/hello/").header(HttpHeaders.ACCEPT_LANGUAGE, acceptLanguage).exchange().expectStatus()
			.isOk().expectHeader().valueEquals(HttpHeaders.CONTENT_LANGUAGE, language);
	}

	private static WebTestClient client() {
		return WebTestClient.bindToRouterFunction(ROUTES)
			.webFilter(new LocaleWebFilter("en-us", LANGUAGES, "django_language"))
			.build();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableWebFlux
	static class ControllerApp {

		@Bean
		WebFilter localeWebFilter() {
			return new LocaleWebFilter("en-us", LANGUAGES, "django_language");
		}

		@Bean
		LocaleController localeController() {
			return new LocaleController();
		}

	}

	@RestController
	static class LocaleController {

		@GetMapping("/locale/")
		Mono<String> locale(Locale locale) {
			return Mono.just(locale.toLanguageTag());
		}

	}

}
