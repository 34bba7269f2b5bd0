package io.asyncmiddleware.middleware.security;

import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import io.asyncmiddleware.handler.DefaultHandlerResolver;
import io.asyncmiddleware.handler.HandlerFixtures;
import io.asyncmiddleware.middleware.AllowedHosts;
import io.asyncmiddleware.middleware.clickjacking.XFrameOptionsWebFilter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.function.server.support.RouterFunctionMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.WebFilter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.springframework.web.reactive.function.server.RequestPredicates.all;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

class SecurityWebFilterTests {

	private static final String STS = "Strict-Transport-Security";

	private static final String NOSNIFF = "X-Content-Type-Options";

	private static final String REFERRER = "Referrer-Policy";

	private static final String COOP = "Cross-Origin-Opener-Policy";

	/** Every path answers 200 "ok", or with the headers named in {@code ?set=Name:value}. */
	private static final RouterFunction<ServerResponse> ROUTES = route()
		.GET("/forbidden/", (request) -> Mono.error(new ResponseStatusException(HttpStatus.FORBIDDEN)))
		.route(all(), (request) -> {
			ServerResponse.BodyBuilder response = ServerResponse.ok();
			request.queryParams().getOrDefault("set", List.of()).forEach((header) -> {
				int colon = header.indexOf(':');
				response.header(header.substring(0, colon), header.substring(colon + 1));
			});
			return response.bodyValue("ok");
		})
		.build();

	@Test
	@DisplayName("SEC-01: HTTPS request with hsts-seconds 3600 gets Strict-Transport-Security: max-age=3600")
	void hstsOnSecureRequest() {
		client((filter) -> filter.setHstsSeconds(3600)).get()
			.uri("https://testserver/")
			.exchange()
			.expectHeader()
			.valueEquals(STS, "max-age=3600");
	}

	@Test
	@DisplayName("SEC-02: a Strict-Transport-Security header set by the handler is kept")
	void hstsFromHandlerKept() {
		client((filter) -> filter.setHstsSeconds(3600)).get()
			.uri("https://testserver/?set=Strict-Transport-Security:max-age=7200")
			.exchange()
			.expectHeader()
			.valueEquals(STS, "max-age=7200");
	}

	@Test
	@DisplayName("SEC-03: a plain-HTTP request gets no Strict-Transport-Security even when configured")
	void noHstsOnPlainHttp() {
		client((filter) -> filter.setHstsSeconds(3600)).get()
			.uri("http://testserver/")
			.exchange()
			.expectHeader()
			.doesNotExist(STS);
	}

	@Test
	@DisplayName("SEC-04: hsts-seconds 0 sends no Strict-Transport-Security")
	void noHstsWhenZero() {
		client((filter) -> filter.setHstsSeconds(0)).get()
			.uri("https://testserver/")
			.exchange()
			.expectHeader()
			.doesNotExist(STS);
	}

	@Test
	@DisplayName("SEC-05: includeSubDomains gives max-age=600; includeSubDomains, without it max-age=600")
	void hstsIncludeSubdomains() {
		client((filter) -> {
			filter.setHstsSeconds(600);
			filter.setHstsIncludeSubdomains(true);
		}).get().uri("https://testserver/").exchange().expectHeader().valueEquals(STS, "max-age=600; includeSubDomains");
		client((filter) -> {
			filter.setHstsSeconds(600);
			filter.setHstsIncludeSubdomains(false);
		}).get().uri("https://testserver/").exchange().expectHeader().valueEquals(STS, "max-age=600");
	}

	@Test
	@DisplayName("SEC-06: preload gives max-age=10886400; preload, both give max-age=10886400; includeSubDomains; preload")
	void hstsPreload() {
		client((filter) -> {
			filter.setHstsSeconds(10886400);
			filter.setHstsPreload(true);
		}).get().uri("https://testserver/").exchange().expectHeader().valueEquals(STS, "max-age=10886400; preload");
		client((filter) -> {
			filter.setHstsSeconds(10886400);
			filter.setHstsIncludeSubdomains(true);
			filter.setHstsPreload(true);
		}).get()
			.uri("https://testserver/")
			.exchange()
			.expectHeader()
			.valueEquals(STS, "max-age=10886400; includeSubDomains; preload");
	}

	@Test
	@DisplayName("SEC-07: nosniff by default; an existing value is kept; disabled means no header")
	void contentTypeNosniff() {
		client((filter) -> {
		}).get().uri("/").exchange().expectHeader().valueEquals(NOSNIFF, "nosniff");
		client((filter) -> {
		}).get().uri("/?set=X-Content-Type-Options:foo").exchange().expectHeader().valueEquals(NOSNIFF, "foo");
		client((filter) -> filter.setContentTypeNosniff(false)).get()
			.uri("/")
			.exchange()
			.expectHeader()
			.doesNotExist(NOSNIFF);
	}

	@Test
	@DisplayName("SEC-08: ssl-redirect: GET http://testserver/some/url?query=string is 301 to https://testserver/some/url?query=string")
	void sslRedirect() {
		client((filter) -> filter.setSslRedirect(true)).get()
			.uri("http://testserver/some/url?query=string")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.MOVED_PERMANENTLY)
			.expectHeader()
			.valueEquals(HttpHeaders.LOCATION, "https://testserver/some/url?query=string");
	}

	@Test
	@DisplayName("SEC-08: the redirect keeps the Host header's port when no ssl-host is set")
	void sslRedirectKeepsHostPort() {
		client((filter) -> filter.setSslRedirect(true)).get()
			.uri("http://testserver:8080/some/url")
			.header(HttpHeaders.HOST, "testserver:8080")
			.exchange()
			.expectHeader()
			.valueEquals(HttpHeaders.LOCATION, "https://testserver:8080/some/url");
	}

	@Test
	@DisplayName("SEC-09: a secure request is not redirected (https scheme, or the proxy header)")
	void secureRequestNotRedirected() {
		client((filter) -> filter.setSslRedirect(true)).get()
			.uri("https://testserver/some/url")
			.exchange()
			.expectStatus()
			.isOk();
		client(RequestSecurity.proxySslHeader("X-Forwarded-Proto", "https"), (filter) -> filter.setSslRedirect(true))
			.get()
			.uri("http://testserver/some/url")
			.header("X-Forwarded-Proto", "https")
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	@DisplayName("SEC-10: redirect-exempt ^insecure/ leaves /insecure/page on HTTP (matched without the leading slash)")
	void redirectExempt() {
		WebTestClient client = client((filter) -> {
			filter.setSslRedirect(true);
			filter.setRedirectExempt(List.of(Pattern.compile("^insecure/")));
		});
		client.get().uri("http://testserver/insecure/page").exchange().expectStatus().isOk();
		client.get()
			.uri("http://testserver/secure/insecure/page")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.MOVED_PERMANENTLY);
	}

	@Test
	@DisplayName("SEC-11: ssl-host secure.example.com: Location https://secure.example.com/some/url, the request's port dropped")
	void sslHost() {
		client((filter) -> {
			filter.setSslRedirect(true);
			filter.setSslHost("secure.example.com");
		}).get()
			.uri("http://testserver:8080/some/url")
			.header(HttpHeaders.HOST, "testserver:8080")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.MOVED_PERMANENTLY)
			.expectHeader()
			.valueEquals(HttpHeaders.LOCATION, "https://secure.example.com/some/url");
	}

	@Test
	@DisplayName("SEC-12: referrer-policy none or empty sends nothing; strict-origin is sent as is")
	void referrerPolicyNoneAndSingle() {
		client((filter) -> filter.setReferrerPolicy(List.of("none"))).get()
			.uri("/")
			.exchange()
			.expectHeader()
			.doesNotExist(REFERRER);
		client((filter) -> filter.setReferrerPolicy(List.of())).get()
			.uri("/")
			.exchange()
			.expectHeader()
			.doesNotExist(REFERRER);
		client((filter) -> filter.setReferrerPolicy(List.of("strict-origin"))).get()
			.uri("/")
			.exchange()
			.expectHeader()
			.valueEquals(REFERRER, "strict-origin");
	}

	@Test
	@DisplayName("SEC-12: 'strict-origin, origin' as one string or as a list is sent as strict-origin,origin")
	void referrerPolicyList() {
		client((filter) -> filter.setReferrerPolicy(List.of("strict-origin, origin"))).get()
			.uri("/")
			.exchange()
			.expectHeader()
			.valueEquals(REFERRER, "strict-origin,origin");
		client((filter) -> filter.setReferrerPolicy(List.of("strict-origin", " origin"))).get()
			.uri("/")
			.exchange()
			.expectHeader()
			.valueEquals(REFERRER, "strict-origin,origin");
	}

	@Test
	@DisplayName("SEC-12: the default is same-origin; a value outside Django's list is refused, naming the valid ones")
	void referrerPolicyDefaultAndInvalid() {
		client((filter) -> {
		}).get().uri("/").exchange().expectHeader().valueEquals(REFERRER, "same-origin");
		SecurityWebFilter filter = new SecurityWebFilter(RequestSecurity.schemeOnly());
		assertThatIllegalArgumentException().isThrownBy(() -> filter.setReferrerPolicy(List.of("origin", "sometimes")))
			.withMessageContaining("'sometimes'")
			.withMessageContaining("strict-origin-when-cross-origin");
	}

	@Test
	@DisplayName("SEC-13: a Referrer-Policy set by the handler (unsafe-url) is kept")
	void referrerPolicyFromHandlerKept() {
		client((filter) -> {
		}).get().uri("/?set=Referrer-Policy:unsafe-url").exchange().expectHeader().valueEquals(REFERRER, "unsafe-url");
	}

	@Test
	@DisplayName("SEC-14: COOP same-origin by default; none sends nothing; other values passed through; the handler's kept")
	void crossOriginOpenerPolicy() {
		client((filter) -> {
		}).get().uri("/").exchange().expectHeader().valueEquals(COOP, "same-origin");
		client((filter) -> filter.setCrossOriginOpenerPolicy("none")).get()
			.uri("/")
			.exchange()
			.expectHeader()
			.doesNotExist(COOP);
		client((filter) -> filter.setCrossOriginOpenerPolicy("same-origin-allow-popups")).get()
			.uri("/")
			.exchange()
			.expectHeader()
			.valueEquals(COOP, "same-origin-allow-popups");
		client((filter) -> filter.setCrossOriginOpenerPolicy("unsafe-none")).get()
			.uri("/")
			.exchange()
			.expectHeader()
			.valueEquals(COOP, "unsafe-none");
		client((filter) -> {
		}).get()
			.uri("/?set=Cross-Origin-Opener-Policy:unsafe-none")
			.exchange()
			.expectHeader()
			.valueEquals(COOP, "unsafe-none");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new SecurityWebFilter(RequestSecurity.schemeOnly()).setCrossOriginOpenerPolicy("Same-Origin"))
			.withMessageContaining("same-origin-allow-popups");
	}

	@Test
	@DisplayName("SEC-15: the SSL redirect carries nosniff, Referrer-Policy and COOP, but no HSTS and no X-Frame-Options")
	void redirectCarriesHeaders() {
		SecurityWebFilter security = filter(RequestSecurity.schemeOnly(), (filter) -> {
			filter.setSslRedirect(true);
			filter.setHstsSeconds(31536000);
		});
		RouterFunctionMapping mapping = new RouterFunctionMapping(ROUTES);
		XFrameOptionsWebFilter xFrameOptions = new XFrameOptionsWebFilter(Mode.DENY,
				new DefaultHandlerResolver(List.of(mapping)));
		WebTestClient.bindToRouterFunction(ROUTES)
			.webFilter(security, xFrameOptions)
			.build()
			.get()
			.uri("http://testserver/hello/")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.MOVED_PERMANENTLY)
			.expectHeader()
			.valueEquals(NOSNIFF, "nosniff")
			.expectHeader()
			.valueEquals(REFERRER, "same-origin")
			.expectHeader()
			.valueEquals(COOP, "same-origin")
			.expectHeader()
			.doesNotExist(STS)
			.expectHeader()
			.doesNotExist("X-Frame-Options");
	}

	@Test
	@DisplayName("CH-05: an error raised by the handler becomes a 403 page that still carries the security headers")
	void errorPageGetsHeaders() {
		client((filter) -> filter.setHstsSeconds(60)).get()
			.uri("https://testserver/forbidden/")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.valueEquals(NOSNIFF, "nosniff")
			.expectHeader()
			.valueEquals(REFERRER, "same-origin")
			.expectHeader()
			.valueEquals(STS, "max-age=60");
	}

	@Test
	@DisplayName("CH-07: a 404 (no handler) and a 403 raised by a controller reach the client with the security headers")
	void notFoundGetsHeaders() {
		try (AnnotationConfigApplicationContext context = HandlerFixtures.context(SecurityFilterConfiguration.class)) {
			WebTestClient client = WebTestClient.bindToApplicationContext(context).build();
			client.get()
				.uri("/nowhere/")
				.exchange()
				.expectStatus()
				.isNotFound()
				.expectHeader()
				.valueEquals(NOSNIFF, "nosniff")
				.expectHeader()
				.valueEquals(COOP, "same-origin");
			client.get()
				.uri("/forbidden/")
				.exchange()
				.expectStatus()
				.isForbidden()
				.expectHeader()
				.valueEquals(NOSNIFF, "nosniff");
		}
	}

	@Test
	@DisplayName("bad input: a garbage X-Forwarded-Proto counts as insecure and is redirected, no 500")
	void garbageForwardedProto() {
		client(RequestSecurity.proxySslHeader("X-Forwarded-Proto", "https"), (filter) -> filter.setSslRedirect(true))
			.get()
			.uri("http://testserver/a")
			.header("X-Forwarded-Proto", "\u0000ht tps;;,https")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.MOVED_PERMANENTLY);
	}

	@Test
	@DisplayName("bad input: duplicated X-Forwarded-Proto headers; the first item of the first value decides")
	void duplicatedForwardedProto() {
		WebTestClient client = client(RequestSecurity.proxySslHeader("X-Forwarded-Proto", "https"),
				(filter) -> filter.setSslRedirect(true));
		client.get()
			.uri("http://testserver/a")
			.header("X-Forwarded-Proto", "https, http")
			.header("X-Forwarded-Proto", "http")
			.exchange()
			.expectStatus()
			.isOk();
		client.get()
			.uri("http://testserver/a")
			.header("X-Forwarded-Proto", "http", "https")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.MOVED_PERMANENTLY);
	}

	@Test
	@DisplayName("bad input: an invalid Host header on a request to redirect is a 400 with a reason, not a 500")
	void invalidHostIs400() {
		client((filter) -> filter.setSslRedirect(true)).get()
			.uri("http://testserver/a")
			.header(HttpHeaders.HOST, "evil host/\"<x>")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.valueEquals(NOSNIFF, "nosniff")
			.expectBody(String.class)
			.value((body) -> assertThat(body).contains("invalid Host header"));
	}

	@Test
	@DisplayName("SEC-08: a Host not in the allowed hosts gets 400, not a redirect to it")
	void disallowedHostIs400() {
		WebTestClient client = client((filter) -> {
			filter.setSslRedirect(true);
			filter.setAllowedHosts(new AllowedHosts(List.of("testserver")));
		});
		client.get()
			.uri("http://testserver/a")
			.header(HttpHeaders.HOST, "evil.test")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.doesNotExist(HttpHeaders.LOCATION)
			.expectBody(String.class)
			.value((body) -> assertThat(body).contains("invalid Host header"));
		client.get()
			.uri("http://testserver/a")
			.header(HttpHeaders.HOST, "testserver:8080")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.MOVED_PERMANENTLY)
			.expectHeader()
			.valueEquals(HttpHeaders.LOCATION, "https://testserver:8080/a");
	}

	@Test
	@DisplayName("SEC-08: without allowed hosts or ssl-host the HTTPS redirect is 400 naming the properties, for every Host")
	void noAllowedHostsRedirectIs400() {
		WebTestClient client = client((filter) -> {
			filter.setSslRedirect(true);
			filter.setAllowedHosts(AllowedHosts.ANY);
		});
		// Django's get_host() with an empty ALLOWED_HOSTS (DEBUG off) refuses every host: a
		// redirect built from the Host header would be a cacheable open redirect
		for (String host : List.of("evil.example", "testserver")) {
			client.get()
				.uri("http://testserver/a")
				.header(HttpHeaders.HOST, host)
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectHeader()
				.doesNotExist(HttpHeaders.LOCATION)
				.expectHeader()
				.valueEquals(NOSNIFF, "nosniff")
				.expectBody(String.class)
				.value((body) -> assertThat(body).startsWith("Bad Request (400)")
					.contains("async-middleware.common.allowed-hosts")
					.contains("async-middleware.security.ssl-host")
					.doesNotContain("evil"));
		}
		// a request that needs no redirect is served as before
		client.get().uri("https://testserver/a").header(HttpHeaders.HOST, "evil.example").exchange()
			.expectStatus().isOk();
	}

	@Test
	@DisplayName("SEC-11: with ssl-host and no allowed hosts the redirect goes to ssl-host, whatever the Host")
	void noAllowedHostsWithSslHostRedirects() {
		client((filter) -> {
			filter.setSslRedirect(true);
			filter.setAllowedHosts(AllowedHosts.ANY);
			filter.setSslHost("secure.example.com");
		}).get()
			.uri("http://testserver/a")
			.header(HttpHeaders.HOST, "evil.example")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.MOVED_PERMANENTLY)
			.expectHeader()
			.valueEquals(HttpHeaders.LOCATION, "https://secure.example.com/a");
	}

	@Test
	@DisplayName("bad input: a non-ASCII path is redirected percent-encoded and matched decoded against redirect-exempt")
	void nonAsciiPath() {
		WebTestClient client = client((filter) -> {
			filter.setSslRedirect(true);
			filter.setRedirectExempt(List.of(Pattern.compile("^caf\u00e9/")));
		});
		client.get()
			.uri("http://testserver/na\u00efve/\u65e5\u672c?q=\u00e9")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.MOVED_PERMANENTLY)
			.expectHeader()
			.valueEquals(HttpHeaders.LOCATION, "https://testserver/na%C3%AFve/%E6%97%A5%E6%9C%AC?q=%C3%A9");
		client.get().uri("http://testserver/caf\u00e9/menu").exchange().expectStatus().isOk();
	}

	private static WebTestClient client(Consumer<SecurityWebFilter> settings) {
		return client(RequestSecurity.schemeOnly(), settings);
	}

	private static WebTestClient client(RequestSecurity requestSecurity, Consumer<SecurityWebFilter> settings) {
		return WebTestClient.bindToRouterFunction(ROUTES).webFilter(filter(requestSecurity, settings)).build();
	}

	private static SecurityWebFilter filter(RequestSecurity requestSecurity, Consumer<SecurityWebFilter> settings) {
		SecurityWebFilter filter = new SecurityWebFilter(requestSecurity);
		// Django's test runner adds 'testserver' to ALLOWED_HOSTS; without allowed hosts the
		// HTTPS redirect refuses every request (noAllowedHostsRedirectIs400)
		filter.setAllowedHosts(new AllowedHosts(List.of("testserver")));
		settings.accept(filter);
		return filter;
	}

	@Configuration(proxyBeanMethods = false)
	static class SecurityFilterConfiguration {

		@Bean
		WebFilter securityWebFilter() {
			return new SecurityWebFilter(RequestSecurity.schemeOnly());
		}

	}

}
