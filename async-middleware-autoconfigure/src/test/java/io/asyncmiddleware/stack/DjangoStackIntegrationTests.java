package io.asyncmiddleware.stack;

import java.time.Duration;
import java.util.List;

import io.asyncmiddleware.EnableAutoConfigurationWithoutRedis;
import io.asyncmiddleware.detection.Verdict;
import io.asyncmiddleware.execution.AppliedMode;
import io.asyncmiddleware.handler.CsrfExempt;
import io.asyncmiddleware.handler.LoginRequired;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole built-in stack in Django's order, on a real Netty server under BlockHound:
 * every entry is judged non-blocking by the project's own detector and runs directly on
 * the event loop, and a request passes through all of them.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"async-middleware.stack=security,session,common,csrf,authentication,messages,x-frame-options,gzip,conditional-get,locale",
		"async-middleware.security.hsts-seconds=31536000", "async-middleware.security.proxy-ssl-header.name=X-Forwarded-Proto",
		"async-middleware.security.proxy-ssl-header.value=https" })
@AutoConfigureWebTestClient
class DjangoStackIntegrationTests {

	private static final List<String> DJANGO_ORDER = List.of("security", "session", "common", "csrf",
			"authentication", "messages", "x-frame-options", "gzip", "conditional-get", "locale");

	private static final String CSRF_SECRET = "abcdefghijklmnopqrstuvwxyzABCDEF";

	@Autowired
	private MiddlewareStack stack;

	@Autowired
	private WebTestClient client;

	@Test
	void everyBuiltInEntryIsJudgedNonBlockingAndRunsDirectly() {
		List<StackEntry> entries = this.stack.getEntries()
			.stream()
			.filter((entry) -> entry.placement() == Placement.STACK)
			.toList();
		assertThat(entries).extracting(StackEntry::name).containsExactlyElementsOf(DJANGO_ORDER);
		assertThat(entries).allSatisfy((entry) -> {
			assertThat(entry.verdict().kind()).as(entry.name() + ": " + entry.verdict())
				.isEqualTo(Verdict.Kind.NON_BLOCKING);
			assertThat(entry.appliedMode()).isEqualTo(AppliedMode.DIRECT);
		});
	}

	@Test
	void aRequestPassesThroughTheWholeStack() {
		this.client.get()
			.uri("/hello/")
			.header("X-Forwarded-Proto", "https")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("Strict-Transport-Security", "max-age=31536000")
			.expectHeader()
			.valueEquals("X-Content-Type-Options", "nosniff")
			.expectHeader()
			.valueEquals("Referrer-Policy", "same-origin")
			.expectHeader()
			.valueEquals("Cross-Origin-Opener-Policy", "same-origin")
			.expectHeader()
			.valueEquals("X-Frame-Options", "DENY")
			.expectBody(String.class)
			.isEqualTo("hello");
	}

	@Test
	void aPostWithoutTheCsrfCookieIsRefusedWithDjangosReason() {
		this.client.post()
			.uri("/form/")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.bodyValue("a=1")
			.exchange()
			.expectStatus()
			.isForbidden()
			// Django refuses in process_view, so the 403 passes out through x-frame-options
			.expectHeader()
			.valueEquals("X-Frame-Options", "DENY")
			.expectBody(String.class)
			.value((body) -> assertThat(body).contains("CSRF verification failed. Request aborted."));
		this.client.post().uri("/exempt/").exchange().expectStatus().isOk();
	}

	@Test
	void theSessionKeepsItsCounterAcrossRequests() {
		String cookie = this.client.get()
			.uri("/session/")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.value("Vary", (vary) -> assertThat(vary).contains("Cookie"))
			.returnResult(String.class)
			.getResponseCookies()
			.getFirst("sessionid")
			.getValue();
		this.client.get()
			.uri("/session/")
			.cookie("sessionid", cookie)
			.exchange()
			.expectBody(String.class)
			.isEqualTo("2");
	}

	@Test
	void varyListsValuesInDjangosResponseOrder() {
		// Django's response phase runs bottom to top: gzip patches Vary before session does
		// (the test client decompresses, so Content-Encoding is not visible here)
		this.client.get()
			.uri("/big-session/")
			.header("Accept-Encoding", "gzip")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.value("Vary", (vary) -> {
				List<String> values = List.of(vary.split(", "));
				assertThat(values).containsExactlyInAnyOrder("Accept-Encoding", "Accept-Language", "Cookie");
				// without the stack's ordering, session's commit-time patch would come first
				assertThat(values.indexOf("Accept-Encoding")).isLessThan(values.indexOf("Cookie"));
				assertThat(values.indexOf("Accept-Language")).isLessThan(values.indexOf("Cookie"));
			});
	}

	@Test
	void aPathThatRoutesWithAnotherMethodIsAViewForCsrf() {
		// Django resolves by path: the view exists, so CSRF's process_view refuses before its 405
		this.client.put()
			.uri("/both/")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.valueEquals("X-Frame-Options", "DENY")
			.expectBody(String.class)
			.value((body) -> assertThat(body).contains("CSRF verification failed. Request aborted."));
	}

	@Test
	void aPathThatRoutesWithAnotherMethodAnswers405WithAllowOnceCsrfPasses() {
		this.client.put()
			.uri("/both/")
			.cookie("csrftoken", CSRF_SECRET)
			.header("X-CSRFToken", CSRF_SECRET)
			.exchange()
			.expectStatus()
			.isEqualTo(405)
			.expectHeader()
			.value("Allow", (allow) -> assertThat(allow.split(", ")).containsExactlyInAnyOrder("GET", "POST"))
			.expectHeader()
			.valueEquals("X-Frame-Options", "DENY");
	}

	@Test
	void viewLevelStepsStopAtTheFirstRefusal() {
		// Django: csrf's process_view answers first, so @login_required never runs (no 302)
		this.client.post()
			.uri("/private-form/")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.doesNotExist("Location")
			.expectBody(String.class)
			.value((body) -> assertThat(body).contains("CSRF verification failed. Request aborted."));
	}

	@Test
	void theNotFoundPagePassesOutThroughEveryEntry() {
		// Django converts the 404 to a response inside each layer: ConditionalGet, gzip,
		// locale and the security headers all see it
		String longPath = "/missing/" + "a".repeat(300) + "/";
		EntityExchangeResult<byte[]> notFound = this.client.get()
			.uri(longPath)
			.header("Accept-Encoding", "gzip")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.valueEquals("X-Frame-Options", "DENY")
			.expectHeader()
			.valueEquals("X-Content-Type-Options", "nosniff")
			.expectHeader()
			.value("Vary", (vary) -> assertThat(vary.split(", ")).contains("Accept-Encoding", "Accept-Language"))
			.expectHeader()
			.exists("ETag")
			.expectBody()
			.returnResult();
		// Django's get_conditional_response answers 304 only for a 2xx: the 404 stays
		this.client.get()
			.uri(longPath)
			.header("Accept-Encoding", "gzip")
			.header("If-None-Match", notFound.getResponseHeaders().getETag())
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	@Test
	void aHandlersErrorIsAnsweredInsideTheStack() {
		this.client.get()
			.uri("/boom/")
			.exchange()
			.expectStatus()
			.isEqualTo(500)
			.expectHeader()
			.valueEquals("X-Frame-Options", "DENY")
			.expectHeader()
			.valueEquals("Referrer-Policy", "same-origin")
			.expectHeader()
			.exists("ETag")
			.expectBody(String.class)
			.value((body) -> assertThat(body).contains("\"status\":500").contains("/boom/"));
	}

	@Test
	void appendSlashStillRedirectsAnUnroutedPath() {
		this.client.get()
			.uri("/hello")
			.exchange()
			.expectStatus()
			.isEqualTo(301)
			.expectHeader()
			.valueEquals("Location", "/hello/")
			// Django: common builds the 301 from the 404 after the entries below answered, so
			// only entries above common (security) touch it
			.expectHeader()
			.valueEquals("X-Content-Type-Options", "nosniff")
			.expectHeader()
			.doesNotExist("X-Frame-Options");
	}

	@SpringBootConfiguration
	@EnableAutoConfigurationWithoutRedis
	static class App {

		@Bean
		SecurityWebFilterChain permitAll(ServerHttpSecurity http) {
			// the stack's entries do CSRF, headers and sessions; Spring Security only authorizes
			return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
				.headers(ServerHttpSecurity.HeaderSpec::disable)
				.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
				.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
				.authorizeExchange((exchanges) -> exchanges.anyExchange().permitAll())
				.build();
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

		@PostMapping(path = "/form/", produces = MediaType.TEXT_PLAIN_VALUE)
		String form() {
			return "ok";
		}

		@CsrfExempt
		@PostMapping(path = "/exempt/", produces = MediaType.TEXT_PLAIN_VALUE)
		String exempt() {
			return "ok";
		}

		@GetMapping(path = "/session/", produces = MediaType.TEXT_PLAIN_VALUE)
		String session(WebSession session) {
			int n = session.getAttributeOrDefault("n", 0) + 1;
			session.getAttributes().put("n", n);
			return Integer.toString(n);
		}

		@GetMapping(path = "/big-session/", produces = MediaType.TEXT_PLAIN_VALUE)
		String bigSession(WebSession session) {
			session.getAttributes().put("seen", true);
			return "abcdefghij".repeat(100);
		}

		@RequestMapping(path = "/both/", method = { RequestMethod.GET, RequestMethod.POST },
				produces = MediaType.TEXT_PLAIN_VALUE)
		String both() {
			return "both";
		}

		@LoginRequired
		@PostMapping(path = "/private-form/", produces = MediaType.TEXT_PLAIN_VALUE)
		String privateForm() {
			return "private";
		}

		@GetMapping(path = "/boom/", produces = MediaType.TEXT_PLAIN_VALUE)
		String boom() {
			throw new IllegalStateException("boom");
		}

		@GetMapping(path = "/slow/", produces = MediaType.TEXT_PLAIN_VALUE)
		Mono<String> slow() {
			return Mono.delay(Duration.ofMillis(50)).thenReturn("slow");
		}

	}

}
