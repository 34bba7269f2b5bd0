package io.asyncmiddleware.autoconfigure.messages;

import java.net.URI;
import java.util.List;

import io.asyncmiddleware.middleware.messages.CookieMessageStorage;
import io.asyncmiddleware.middleware.messages.FallbackMessageStorage;
import io.asyncmiddleware.middleware.messages.Messages;
import io.asyncmiddleware.middleware.messages.MessagesWebFilter;
import io.asyncmiddleware.middleware.messages.SessionMessageStorage;
import io.asyncmiddleware.stack.BuiltInMiddleware;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link MessagesMiddlewareAutoConfiguration}.
 */
@ExtendWith(OutputCaptureExtension.class)
class MessagesMiddlewareAutoConfigurationTests {

	private static final String KEY = "a signing key of at least thirty-two characters";

	private final ReactiveWebApplicationContextRunner contextRunner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MessagesMiddlewareAutoConfiguration.class));

	@Test
	@DisplayName("Contributes the 'messages' entry with the fallback storage by default")
	void contributesMessagesEntry() {
		this.contextRunner.withPropertyValues("async-middleware.messages.signing-key=" + KEY).run((context) -> {
			BuiltInMiddleware entry = context.getBean(BuiltInMiddleware.class);
			assertThat(entry.name()).isEqualTo("messages");
			assertThat(entry.filterType()).isEqualTo(MessagesWebFilter.class);
			assertThat(filter(context).getStorage()).isInstanceOf(FallbackMessageStorage.class);
			assertThat(context).doesNotHaveBean(MessagesWebFilter.class);
		});
	}

	@Test
	@DisplayName("storage=cookie and storage=session select those storages")
	void storageProperty() {
		this.contextRunner.withPropertyValues("async-middleware.messages.storage=cookie")
			.run((context) -> assertThat(filter(context).getStorage()).isInstanceOf(CookieMessageStorage.class));
		this.contextRunner.withPropertyValues("async-middleware.messages.storage=session")
			.run((context) -> assertThat(filter(context).getStorage()).isInstanceOf(SessionMessageStorage.class));
	}

	@Test
	@DisplayName("The stack requirement asks for 'session' only with session storage")
	void stackRequirementFollowsStorage() {
		this.contextRunner.withPropertyValues("async-middleware.messages.storage=session")
			.run((context) -> assertThat(context.getBean(BuiltInMiddleware.class).requiredBefore())
				.containsExactly("session"));
		this.contextRunner
			.run((context) -> assertThat(context.getBean(BuiltInMiddleware.class).requiredBefore()).isEmpty());
	}

	@Test
	@DisplayName("Without a signing key a random one is used and a WARN says cookies won't survive restarts")
	void warnsWithoutSigningKey(CapturedOutput output) {
		this.contextRunner.run((context) -> {
			filter(context);
			assertThat(output).contains("No async-middleware.messages.signing-key set")
				.contains("do not survive a restart and are not shared between instances");
		});
	}

	@Test
	@DisplayName("A short signing key is accepted with a WARN")
	void warnsOnShortSigningKey(CapturedOutput output) {
		this.contextRunner.withPropertyValues("async-middleware.messages.signing-key=short").run((context) -> {
			filter(context);
			assertThat(output).contains("signing-key is shorter than 32 characters");
		});
	}

	@Test
	@DisplayName("With the same signing key, a restarted application reads the messages cookie")
	void sameKeySurvivesRestart() {
		String[] cookie = new String[1];
		this.contextRunner.withPropertyValues("async-middleware.messages.signing-key=" + KEY).run((context) -> {
			cookie[0] = client(context).get()
				.uri("/add")
				.exchange()
				.returnResult(String.class)
				.getResponseCookies()
				.getFirst("messages")
				.getValue();
		});
		this.contextRunner.withPropertyValues("async-middleware.messages.signing-key=" + KEY)
			.run((context) -> client(context).get()
				.uri("/show")
				.cookie("messages", cookie[0])
				.exchange()
				.expectBody(String.class)
				.isEqualTo("dropped below warning\nsurvived"));
		this.contextRunner.run((context) -> client(context).get()
			.uri("/show")
			.cookie("messages", cookie[0])
			.exchange()
			.expectBody(String.class)
			.isEqualTo(""));
	}

	@Test
	@DisplayName("Level, tags and cookie attributes are bound from properties")
	void propertiesAreApplied() {
		this.contextRunner
			.withPropertyValues("async-middleware.messages.signing-key=" + KEY,
					"async-middleware.messages.level=warning", "async-middleware.messages.tags.40=bad",
					"async-middleware.messages.cookie-name=flash", "async-middleware.messages.cookie-domain=example.com",
					"async-middleware.messages.cookie-secure=true", "async-middleware.messages.cookie-http-only=false",
					"async-middleware.messages.cookie-same-site=omitted")
			.run((context) -> {
				String header = client(context).get()
					.uri("/add")
					.exchange()
					.returnResult(String.class)
					.getResponseHeaders()
					.getFirst("Set-Cookie");
				assertThat(header).startsWith("flash=")
					.contains("Domain=example.com", "Secure")
					.doesNotContain("HttpOnly", "SameSite");
				String value = header.substring("flash=".length(), header.indexOf(';'));
				client(context).get()
					.uri("/show")
					.cookie("flash", value)
					.exchange()
					.expectBody(String.class)
					.isEqualTo("40 bad survived");
			});
	}

	@Test
	@DisplayName("Bad input: an unknown level stops startup with the accepted forms")
	void badLevelFailsStartup() {
		this.contextRunner.withPropertyValues("async-middleware.messages.level=loud").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("use debug, info, success, warning, error or a number");
		});
	}

	@Test
	@DisplayName("Does nothing outside a reactive web application")
	void backsOffOutsideReactiveWeb() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(MessagesMiddlewareAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(BuiltInMiddleware.class));
	}

	private static MessagesWebFilter filter(ApplicationContext context) {
		return (MessagesWebFilter) context.getBean(BuiltInMiddleware.class).filterFactory().get();
	}

	/** Adds an ERROR "survived" and shows "level tags text". */
	private static WebTestClient client(ApplicationContext context) {
		return WebTestClient.bindToRouterFunction(RouterFunctions.route()
			.GET("/add", (request) -> {
				Messages.of(request.exchange()).info("dropped below warning");
				Messages.of(request.exchange()).error("survived");
				return ServerResponse.status(HttpStatus.FOUND).location(URI.create("/show")).build();
			})
			.GET("/show", (request) -> Messages.of(request.exchange())
				.read()
				.map((message) -> (message.level() == 40 && !message.levelTag().equals("error"))
						? message.level() + " " + message.tags() + " " + message.text() : message.text())
				.collectList()
				.flatMap((texts) -> ServerResponse.ok().bodyValue(String.join("\n", texts))))
			.build()).webFilter(filter(context)).build();
	}

}
