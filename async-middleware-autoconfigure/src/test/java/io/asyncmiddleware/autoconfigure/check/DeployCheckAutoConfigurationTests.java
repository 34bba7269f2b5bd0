package io.asyncmiddleware.autoconfigure.check;

import java.util.List;

import io.asyncmiddleware.autoconfigure.AsyncMiddlewareAutoConfiguration;
import io.asyncmiddleware.autoconfigure.MiddlewareEndpointAutoConfiguration;
import io.asyncmiddleware.autoconfigure.auth.AuthenticationMiddlewareAutoConfiguration;
import io.asyncmiddleware.autoconfigure.clickjacking.XFrameOptionsMiddlewareAutoConfiguration;
import io.asyncmiddleware.autoconfigure.common.CommonMiddlewareAutoConfiguration;
import io.asyncmiddleware.autoconfigure.csrf.CsrfMiddlewareAutoConfiguration;
import io.asyncmiddleware.autoconfigure.handler.HandlerResolverAutoConfiguration;
import io.asyncmiddleware.autoconfigure.messages.MessagesMiddlewareAutoConfiguration;
import io.asyncmiddleware.autoconfigure.security.SecurityMiddlewareAutoConfiguration;
import io.asyncmiddleware.autoconfigure.session.SessionMiddlewareAutoConfiguration;
import io.asyncmiddleware.check.DeployCheck;
import io.asyncmiddleware.check.DeployCheckException;
import io.asyncmiddleware.check.DeployFinding;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableReactiveWebApplicationContext;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.session.ReactiveMapSessionRepository;
import org.springframework.session.ReactiveSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.MapSession;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deploy check over the whole Django stack: a secure configuration passes, and each
 * insecure setting is reported with Django's id (or ours).
 */
@ExtendWith(OutputCaptureExtension.class)
class DeployCheckAutoConfigurationTests {

	private static final String SECRET = "a8Jf2kLq9ZxV3nB7mR1tY6uW0eH4sD5gC8pO2iK9jL3vN6bM1qX7zA4";

	/** Everything Django's check --deploy asks for. */
	private static final String[] SECURE = { "async-middleware.security.hsts-seconds=31536000",
			"async-middleware.security.hsts-include-subdomains=true", "async-middleware.security.hsts-preload=true",
			"async-middleware.security.ssl-redirect=true", "async-middleware.security.referrer-policy=same-origin",
			"async-middleware.session.cookie-secure=true", "async-middleware.csrf.cookie-secure=true",
			"async-middleware.messages.cookie-secure=true", "async-middleware.messages.signing-key=" + SECRET,
			"async-middleware.authentication.secret-key=" + SECRET,
			"async-middleware.common.allowed-hosts=www.example.com" };

	private final ReactiveWebApplicationContextRunner contextRunner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AsyncMiddlewareAutoConfiguration.class,
				HandlerResolverAutoConfiguration.class, SecurityMiddlewareAutoConfiguration.class,
				SessionMiddlewareAutoConfiguration.class, CommonMiddlewareAutoConfiguration.class,
				CsrfMiddlewareAutoConfiguration.class, AuthenticationMiddlewareAutoConfiguration.class,
				MessagesMiddlewareAutoConfiguration.class, XFrameOptionsMiddlewareAutoConfiguration.class,
				DeployCheckAutoConfiguration.class))
		.withPropertyValues("async-middleware.stack=security,session,common,csrf,authentication,messages,x-frame-options")
		.withPropertyValues(SECURE);

	@Test
	void secureConfigurationPassesEvenInFailMode() {
		this.contextRunner.withPropertyValues("async-middleware.deploy-check.mode=fail")
			.run((context) -> assertThat(findings(context)).isEmpty());
	}

	@Test
	void defaultsAreReportedAsOneWarningAndStartupGoesOn(CapturedOutput output) {
		new ReactiveWebApplicationContextRunner().withConfiguration(AutoConfigurations.of(
				AsyncMiddlewareAutoConfiguration.class, HandlerResolverAutoConfiguration.class,
				SecurityMiddlewareAutoConfiguration.class, SessionMiddlewareAutoConfiguration.class,
				CommonMiddlewareAutoConfiguration.class, CsrfMiddlewareAutoConfiguration.class,
				AuthenticationMiddlewareAutoConfiguration.class, MessagesMiddlewareAutoConfiguration.class,
				XFrameOptionsMiddlewareAutoConfiguration.class, DeployCheckAutoConfiguration.class))
			.withPropertyValues("async-middleware.stack=security,session,common,csrf,authentication,messages,x-frame-options")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(ids(context)).containsExactly("security.W004", "security.W008", "security.W016",
						"security.W012", "security.W012", "security.W020");
				assertThat(output).contains("Deploy check (Django's check --deploy) found 6 insecure setting(s)",
						"security.W004  async-middleware.security.hsts-seconds=0");
			});
	}

	@Test
	void failModeStopsStartupWithAReportOfEachFinding() {
		this.contextRunner
			.withPropertyValues("async-middleware.deploy-check.mode=fail", "async-middleware.security.hsts-seconds=0",
					"async-middleware.session.cookie-secure=false")
			.run((context) -> {
				assertThat(context).hasFailed();
				DeployCheckException failure = (DeployCheckException) rootCause(context.getStartupFailure());
				assertThat(failure.getFindings()).extracting(DeployFinding::id)
					.containsExactly("security.W004", "security.W012");
				FailureAnalysis analysis = new DeployCheckFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("found 2 insecure setting(s)",
						"security.W004  async-middleware.security.hsts-seconds=0", "why: without Strict-Transport-Security",
						"fix: if the whole site is served over HTTPS only, set hsts-seconds",
						"security.W012  async-middleware.session.cookie-secure=false");
				assertThat(analysis.getAction()).contains("async-middleware.deploy-check.silenced");
			});
	}

	@Test
	void offModeDoesNotRun() {
		this.contextRunner
			.withPropertyValues("async-middleware.deploy-check.mode=off", "async-middleware.security.hsts-seconds=0")
			.withBean("failing", DeployCheck.class, () -> () -> {
				throw new AssertionError("must not run");
			})
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void silencedIdsAreNotReported() {
		this.contextRunner
			.withPropertyValues("async-middleware.deploy-check.mode=fail", "async-middleware.security.ssl-redirect=false",
					"async-middleware.deploy-check.silenced=security.W008")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void applicationChecksAreReportedWithTheBuiltInOnes() {
		this.contextRunner
			.withBean("ours", DeployCheck.class,
					() -> () -> List.of(new DeployFinding("acme.W001", "acme.debug=true", "leaks", "turn it off")))
			.run((context) -> assertThat(ids(context)).containsExactly("acme.W001"));
	}

	@Test
	void securityHeaders() {
		assertFinding("security.W001", "async-middleware.stack=session,common,csrf,authentication,messages,x-frame-options");
		assertFinding("security.W004", "async-middleware.security.hsts-seconds=0");
		assertFinding("security.W005", "async-middleware.security.hsts-include-subdomains=false");
		assertFinding("security.W021", "async-middleware.security.hsts-preload=false");
		assertFinding("security.W006", "async-middleware.security.content-type-nosniff=false");
		assertFinding("security.W008", "async-middleware.security.ssl-redirect=false");
		assertFinding("security.W022", "async-middleware.security.referrer-policy=none");
	}

	@Test
	void noHstsSubdomainOrPreloadFindingsWithoutHsts() {
		this.contextRunner
			.withPropertyValues("async-middleware.security.hsts-seconds=0",
					"async-middleware.security.hsts-include-subdomains=false", "async-middleware.security.hsts-preload=false")
			.run((context) -> assertThat(ids(context)).containsExactly("security.W004"));
	}

	@Test
	void clickjacking() {
		assertFinding("security.W002", "async-middleware.stack=security,session,common,csrf,authentication,messages");
		assertFinding("security.W019", "async-middleware.x-frame-options.value=SAMEORIGIN");
	}

	@Test
	void csrf() {
		assertFinding("security.W003", "async-middleware.stack=security,session,common,authentication,messages,x-frame-options");
		assertFinding("security.W016", "async-middleware.csrf.cookie-secure=false");
		assertFinding("security.W018", "async-middleware.csrf.debug=true");
	}

	@Test
	void csrfCookieNeedNotBeSecureWhenTheSecretIsInTheSession() {
		this.contextRunner
			.withPropertyValues("async-middleware.csrf.cookie-secure=false", "async-middleware.csrf.use-sessions=true")
			.run((context) -> assertThat(findings(context)).isEmpty());
	}

	@Test
	void cookies() {
		assertFinding("security.W012", "async-middleware.session.cookie-secure=false");
		assertFinding("security.W015", "async-middleware.session.cookie-http-only=false");
		assertFinding("security.W012", "async-middleware.messages.cookie-secure=false");
	}

	@Test
	void allowedHosts() {
		assertFinding("security.W020", "async-middleware.common.allowed-hosts=");
		assertFinding("security.W020", "async-middleware.stack=security,session,csrf,authentication,messages,x-frame-options");
	}

	@Test
	void weakSecrets() {
		assertFinding("security.W009", "async-middleware.authentication.secret-key=short-but-not-empty-0123456789");
		assertFinding("security.W009", "async-middleware.authentication.secret-key=" + "ab".repeat(30));
		assertFinding("security.W009",
				"async-middleware.messages.signing-key=django-insecure-" + SECRET);
	}

	@Test
	void randomSecretIsFineWithInMemorySessions() {
		this.contextRunner.withPropertyValues("async-middleware.authentication.secret-key=")
			.run((context) -> assertThat(findings(context)).isEmpty());
		this.contextRunner.withPropertyValues("async-middleware.authentication.secret-key=")
			.withBean(ReactiveSessionRepository.class, () -> new ReactiveMapSessionRepository(new java.util.HashMap<>()))
			.run((context) -> assertThat(findings(context)).isEmpty());
	}

	@Test
	void randomSecretWithASharedSessionStore() {
		this.contextRunner
			.withPropertyValues("async-middleware.authentication.secret-key=", "async-middleware.messages.signing-key=")
			.withBean(ReactiveSessionRepository.class, SharedRepository::new)
			.run((context) -> assertThat(findings(context)).extracting(DeployFinding::id, DeployFinding::setting)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("async_middleware.W001",
						"async-middleware.authentication.secret-key not set"),
						org.assertj.core.groups.Tuple.tuple("async_middleware.W001",
								"async-middleware.messages.signing-key not set")));
	}

	@Test
	void middlewareEndpointExposedWithoutSpringSecurity() {
		ReactiveWebApplicationContextRunner endpoint = new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(AsyncMiddlewareAutoConfiguration.class,
					MiddlewareEndpointAutoConfiguration.class, DeployCheckAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader("org.springframework.security"));
		endpoint.withPropertyValues("management.endpoints.web.exposure.include=health,middleware")
			.run((context) -> assertThat(endpointIds(context)).containsExactly("async_middleware.W002"));
		endpoint.withPropertyValues("management.endpoints.web.exposure.include=*")
			.run((context) -> assertThat(endpointIds(context)).containsExactly("async_middleware.W002"));
		endpoint.withPropertyValues("management.endpoints.web.exposure.include=*",
				"management.endpoints.web.exposure.exclude=middleware")
			.run((context) -> assertThat(endpointIds(context)).isEmpty());
		endpoint.run((context) -> assertThat(endpointIds(context)).isEmpty());
		// with Spring Security, whether /actuator/** is protected depends on the app's rules
		endpoint.withClassLoader(getClass().getClassLoader())
			.withPropertyValues("management.endpoints.web.exposure.include=middleware")
			.run((context) -> assertThat(endpointIds(context)).isEmpty());
	}

	private void assertFinding(String id, String property) {
		this.contextRunner.withPropertyValues(property)
			.run((context) -> assertThat(ids(context)).as(property).containsExactly(id));
	}

	private static List<DeployFinding> findings(AssertableReactiveWebApplicationContext context) {
		assertThat(context).hasNotFailed();
		return context.getBean(DeployCheckRunner.class).findings();
	}

	private static List<String> ids(AssertableReactiveWebApplicationContext context) {
		return findings(context).stream().map(DeployFinding::id).toList();
	}

	private static List<String> endpointIds(AssertableReactiveWebApplicationContext context) {
		return ids(context).stream().filter((id) -> id.startsWith("async_middleware.")).toList();
	}

	private static Throwable rootCause(Throwable failure) {
		Throwable current = failure;
		while (!(current instanceof DeployCheckException) && current.getCause() != null) {
			current = current.getCause();
		}
		return current;
	}

	/** A stand-in for a store other instances share (Redis, JDBC, ...). */
	static class SharedRepository implements ReactiveSessionRepository<Session> {

		@Override
		public reactor.core.publisher.Mono<Session> createSession() {
			return reactor.core.publisher.Mono.just(new MapSession());
		}

		@Override
		public reactor.core.publisher.Mono<Void> save(Session session) {
			return reactor.core.publisher.Mono.empty();
		}

		@Override
		public reactor.core.publisher.Mono<Session> findById(String id) {
			return reactor.core.publisher.Mono.empty();
		}

		@Override
		public reactor.core.publisher.Mono<Void> deleteById(String id) {
			return reactor.core.publisher.Mono.empty();
		}

	}

}
