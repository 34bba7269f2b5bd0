package io.asyncmiddleware.autoconfigure.springsecurity;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.asyncmiddleware.EnableAutoConfigurationWithoutRedis;
import io.asyncmiddleware.handler.XFrameOptionsExempt;
import io.asyncmiddleware.stack.MiddlewareStack;
import io.asyncmiddleware.stack.Placement;
import io.asyncmiddleware.stack.StackEntry;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application with its own Spring Security chain as Spring Security's guide writes it
 * (CSRF, headers and form login on), and Django's stack, on a real server under
 * BlockHound: one CSRF check, one value per header, no header the stack decided against,
 * and requests that only a filter serves are CSRF-checked too.
 */
class SpringSecurityCompositionIntegrationTests {

	static final String DJANGO_STACK = "async-middleware.stack=security,session,common,csrf,authentication,"
			+ "messages,x-frame-options";

	private static final Pattern LOGIN_TOKEN = Pattern.compile("name=\"csrfmiddlewaretoken\"[^>]*value=\"([^\"]+)\"");

	@Nested
	@SpringBootTest(classes = App.class, webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = { DJANGO_STACK, "spring.web.resources.add-mappings=false",
					"server.forward-headers-strategy=framework",
					"async-middleware.security.proxy-ssl-header.name=X-Forwarded-Proto",
					"async-middleware.security.proxy-ssl-header.value=https" })
	@AutoConfigureWebTestClient
	class ChainAfterTheStack {

		@Autowired
		private WebTestClient client;

		@Autowired
		private MiddlewareStack stack;

		@Test
		void eachHeaderOnceAndNoHstsWhenHstsSecondsIsZero() {
			// Spring Security would write HSTS on this secure request, and its own
			// Referrer-Policy: no-referrer
			this.client.get()
				.uri("/hello/")
				.header("X-Forwarded-Proto", "https")
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.values("X-Frame-Options", (values) -> assertThat(values).containsExactly("DENY"))
				.expectHeader()
				.values("Referrer-Policy", (values) -> assertThat(values).containsExactly("same-origin"))
				.expectHeader()
				.values("X-Content-Type-Options", (values) -> assertThat(values).containsExactly("nosniff"))
				.expectHeader()
				.values("Cross-Origin-Opener-Policy", (values) -> assertThat(values).containsExactly("same-origin"))
				.expectHeader()
				.doesNotExist("Strict-Transport-Security");
		}

		@Test
		void anExemptRouteGetsNoXFrameOptions() {
			this.client.get()
				.uri("/frame/exempt/")
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.doesNotExist("X-Frame-Options");
		}

		@Test
		void oneCsrfCheckTheStacks() {
			Token token = token(this.client);
			// Spring Security's CsrfWebFilter would refuse this: it knows no token of its own
			this.client.post()
				.uri("/form/")
				.cookie("csrftoken", token.cookie())
				.header("X-CSRFToken", token.value())
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody(String.class)
				.isEqualTo("ok");
			this.client.post().uri("/form/").exchange().expectStatus().isForbidden();
		}

		@Test
		void requestsOnlyAFilterServesAreCheckedToo() {
			assertRefusedByCsrf(this.client.post().uri("/login").body(BodyInserters.fromFormData(alice())).exchange());
			assertRefusedByCsrf(this.client.post().uri("/logout").exchange());
			assertRefusedByCsrf(this.client.post().uri("/webhook").exchange());
			assertRefusedByCsrf(this.client.post().uri("/nowhere/").exchange());
		}

		@Test
		void theAppendSlashRedirectStillAnswersAnUnslashedPost() {
			this.client.post()
				.uri("/form")
				.exchange()
				.expectStatus()
				.isEqualTo(HttpStatus.MOVED_PERMANENTLY)
				.expectHeader()
				.valueEquals("Location", "/form/");
		}

		@Test
		void aValidTokenLetsAFilterServeAndTheLoginHolds() {
			Token token = token(this.client);
			this.client.post()
				.uri("/webhook")
				.cookie("csrftoken", token.cookie())
				.header("X-CSRFToken", token.value())
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody(String.class)
				.isEqualTo("hooked");
			this.client.get().uri("/private/").exchange().expectStatus().isFound().expectHeader()
				.valueEquals("Location", "/login");
			EntityExchangeResult<String> page = this.client.get().uri("/login").exchange().expectStatus().isOk()
				.expectBody(String.class).returnResult();
			Matcher field = LOGIN_TOKEN.matcher(page.getResponseBody());
			assertThat(field.find()).as(page.getResponseBody()).isTrue();
			MultiValueMap<String, String> form = alice();
			form.add("csrfmiddlewaretoken", field.group(1));
			EntityExchangeResult<Void> login = this.client.post()
				.uri("/login")
				.cookie("csrftoken", page.getResponseCookies().getFirst("csrftoken").getValue())
				.body(BodyInserters.fromFormData(form))
				.exchange()
				.expectStatus()
				.isFound()
				.expectBody()
				.isEmpty();
			ResponseCookie session = login.getResponseCookies().getFirst("sessionid");
			assertThat(session).isNotNull();
			for (int i = 0; i < 2; i++) {
				this.client.get()
					.uri("/private/")
					.cookie("sessionid", session.getValue())
					.exchange()
					.expectStatus()
					.isOk()
					.expectBody(String.class)
					.isEqualTo("secret for alice");
			}
		}

		@Test
		void springSecuritysChainIsNamedSpringSecurity() {
			StackEntry entry = this.stack.getEntry("spring-security").orElseThrow();
			assertThat(entry.placement()).isEqualTo(Placement.FRAMEWORK);
			assertThat(entry.beanName()).endsWith("WebFilterChainFilter");
		}

	}

	@Nested
	@SpringBootTest(classes = App.class, webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = { DJANGO_STACK + ",springSecurityWebFilterChainFilter",
					"spring.web.resources.add-mappings=false" })
	@AutoConfigureWebTestClient
	class ChainInTheStackUnderItsOldName {

		@Autowired
		private WebTestClient client;

		@Autowired
		private MiddlewareStack stack;

		@Test
		void theChainIsAStackEntryAndARefusedLoginNeverReachesIt() {
			StackEntry entry = this.stack.getEntry("spring-security").orElseThrow();
			assertThat(entry.placement()).isEqualTo(Placement.STACK);
			assertThat(this.stack.getDeclared()).endsWith("spring-security");
			assertRefusedByCsrf(this.client.post().uri("/login").body(BodyInserters.fromFormData(alice())).exchange());
		}

	}

	static void assertRefusedByCsrf(WebTestClient.ResponseSpec response) {
		response.expectStatus()
			.isForbidden()
			.expectBody(String.class)
			.value((body) -> assertThat(body).contains("CSRF verification failed"));
	}

	private static MultiValueMap<String, String> alice() {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("username", "alice");
		form.add("password", "wonderland");
		return form;
	}

	private static Token token(WebTestClient client) {
		EntityExchangeResult<String> page = client.get().uri("/form/").exchange().expectBody(String.class)
			.returnResult();
		return new Token(page.getResponseCookies().getFirst("csrftoken").getValue(), page.getResponseBody());
	}

	private record Token(String cookie, String value) {
	}

	@SpringBootConfiguration
	@EnableAutoConfigurationWithoutRedis
	static class App {

		/** As Spring Security's guide writes a chain: CSRF and headers left on. */
		@Bean
		SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http) {
			return http
				.authorizeExchange((exchanges) -> exchanges.pathMatchers("/private/**").authenticated()
					.anyExchange().permitAll())
				.formLogin((form) -> {
				})
				.build();
		}

		@Bean
		MapReactiveUserDetailsService users() {
			return new MapReactiveUserDetailsService(
					User.withUsername("alice").password("{noop}wonderland").roles("USER").build());
		}

		/** An endpoint served by a filter, not a handler. */
		@Bean
		WebFilter webhook() {
			return (exchange, chain) -> {
				if (!exchange.getRequest().getPath().value().equals("/webhook")) {
					return chain.filter(exchange);
				}
				return exchange.getResponse()
					.writeWith(Mono.fromSupplier(() -> exchange.getResponse().bufferFactory().wrap("hooked".getBytes())));
			};
		}

		@Bean
		Routes routes() {
			return new Routes();
		}

	}

	@RestController
	static class Routes {

		@GetMapping(path = "/hello/", produces = MediaType.TEXT_PLAIN_VALUE)
		String hello() {
			return "hello";
		}

		@GetMapping(path = "/form/", produces = MediaType.TEXT_PLAIN_VALUE)
		Mono<String> form(ServerWebExchange exchange) {
			return exchange.<Mono<CsrfToken>>getRequiredAttribute(CsrfToken.class.getName()).map(CsrfToken::getToken);
		}

		@PostMapping(path = "/form/", produces = MediaType.TEXT_PLAIN_VALUE)
		String submit() {
			return "ok";
		}

		@XFrameOptionsExempt
		@GetMapping(path = "/frame/exempt/", produces = MediaType.TEXT_PLAIN_VALUE)
		String exempt() {
			return "framed";
		}

		@GetMapping(path = "/private/", produces = MediaType.TEXT_PLAIN_VALUE)
		Mono<String> secret(ServerWebExchange exchange) {
			return exchange.getPrincipal().map((user) -> "secret for " + user.getName());
		}

	}

}
