package io.asyncmiddleware.middleware.messages;

import java.util.List;
import java.util.Map;

import io.asyncmiddleware.middleware.messages.MessagesTestApp.Browser;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static io.asyncmiddleware.middleware.messages.MessagesTestApp.browser;
import static io.asyncmiddleware.middleware.messages.MessagesTestApp.setCookies;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API and the consume-once rules of {@link MessagesWebFilter} over HTTP, with the
 * default fallback storage.
 */
class MessagesWebFilterTests {

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "debug", "info", "success", "warning", "error" })
	@DisplayName("MSG-01: messages added before a redirect are shown once, at each level")
	void addedMessagesAreShownOnce(String level) {
		Browser browser = browser(new MessagesWebFilter(new FallbackMessageStorage(
				MessagesTestApp.cookieStorage(MessagesTestApp.DEFAULT_COOKIE),
				new SessionMessageStorage(MessageTags.defaults())), Level.DEBUG, MessageTags.defaults()));
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.put("text", List.of("one", "two", "three", "four", "five"));
		form.add("level", level);
		EntityExchangeResult<String> added = browser.post("/messages/add/", form);
		assertThat(added.getStatus().value()).isEqualTo(302);
		assertThat(added.getResponseHeaders().getLocation()).hasToString("/messages/show/");
		String expectedLevel = String.valueOf(Level.valueOf(level).value());
		assertThat(browser.get("/messages/detail/").getResponseBody()).isEqualTo(List
			.of("one", "two", "three", "four", "five")
			.stream()
			.map((text) -> expectedLevel + " [" + level + "] " + text + "\n")
			.reduce("", String::concat));
		assertThat(browser.show()).isEmpty();
	}

	@Test
	@DisplayName("MSG-01: the redirect sets the messages cookie and the read deletes it")
	void redirectSetsCookieAndReadDeletesIt() {
		Browser browser = browser(MessagesTestApp.fallbackFilter());
		EntityExchangeResult<String> added = browser.addAndFollow("saved");
		assertThat(setCookies(added, "messages")).singleElement().asString().contains("HttpOnly");
		EntityExchangeResult<String> shown = browser.get("/messages/show/");
		assertThat(shown.getResponseBody()).isEqualTo("saved\n");
		assertThat(setCookies(shown, "messages")).singleElement().asString().contains("Max-Age=0");
		assertThat(browser.cookies()).doesNotContainKey("messages");
	}

	@Test
	@DisplayName("MSG-02: several requests before one read accumulate, in order")
	void messagesAccumulateInOrder() {
		Browser browser = browser(MessagesTestApp.fallbackFilter());
		browser.addAndFollow("first");
		browser.addAndFollow("second", "third");
		browser.addAndFollow("fourth");
		assertThat(browser.show()).isEqualTo("first\nsecond\nthird\nfourth\n");
		assertThat(browser.show()).isEmpty();
	}

	@Test
	@DisplayName("MSG-03: the default level INFO drops DEBUG messages")
	void defaultLevelDropsDebug() {
		Browser browser = browser(MessagesTestApp.fallbackFilter());
		browser.get("/messages/levels/");
		assertThat(browser.get("/messages/detail/").getResponseBody()).isEqualTo("""
				29 [] A custom level message
				20 [info] An informational message
				25 [success] A success message
				30 [warning] A warning message
				40 [error] An error message
				""");
	}

	@Test
	@DisplayName("MSG-03: a configured level of 29 keeps 29, WARNING and ERROR and drops SUCCESS")
	void configuredLevelFilters() {
		Browser browser = browser(new MessagesWebFilter(
				new FallbackMessageStorage(MessagesTestApp.cookieStorage(MessagesTestApp.DEFAULT_COOKIE),
						new SessionMessageStorage(MessageTags.defaults())),
				Level.of(29), MessageTags.defaults()));
		browser.get("/messages/levels/");
		assertThat(browser.get("/messages/detail/").getResponseBody()).isEqualTo("""
				29 [] A custom level message
				30 [warning] A warning message
				40 [error] An error message
				""");
	}

	@Test
	@DisplayName("MSG-03: a per-request level of 5 keeps all six messages")
	void perRequestLevelKeepsAll() {
		Browser browser = browser(MessagesTestApp.fallbackFilter());
		browser.get("/messages/levels/?level=5");
		assertThat(browser.get("/messages/detail/").getResponseBody()).hasLineCount(6)
			.contains("10 [debug] A debugging message");
	}

	@Test
	@DisplayName("MSG-04: adding without the messages entry fails with MessageFailure's reason")
	void addingWithoutEntryFails() {
		Browser browser = browser();
		browser.client().get().uri("/messages/strict/").exchange().expectStatus().is5xxServerError();
		assertThat(MessageFailureException.MESSAGE).startsWith("You cannot add messages without the messages "
				+ "middleware: add 'messages' to async-middleware.stack");
	}

	@Test
	@DisplayName("MSG-04: fail-silently without the entry drops the message and reads none")
	void failSilentlyWithoutEntry() {
		Browser browser = browser();
		EntityExchangeResult<String> result = browser.get("/messages/silent/");
		assertThat(result.getStatus().value()).isEqualTo(200);
		assertThat(result.getResponseBody()).isEqualTo("silent 0");
		assertThat(setCookies(result)).isEmpty();
	}

	@Test
	@DisplayName("MSG-04: fail-silently with the entry adds as usual")
	void failSilentlyWithEntryAdds() {
		Browser browser = browser(MessagesTestApp.fallbackFilter());
		assertThat(browser.get("/messages/silent/").getResponseBody()).isEqualTo("silent 1");
		assertThat(browser.show()).isEqualTo("lost\n");
	}

	@Test
	@DisplayName("MSG-11: counting without reading consumes nothing and rewrites no cookie")
	void countDoesNotConsume() {
		Browser browser = browser(MessagesTestApp.fallbackFilter());
		browser.addAndFollow("a", "b");
		EntityExchangeResult<String> counted = browser.get("/messages/count/");
		assertThat(counted.getResponseBody()).isEqualTo("2");
		assertThat(setCookies(counted)).isEmpty();
		assertThat(browser.show()).isEqualTo("a\nb\n");
	}

	@Test
	@DisplayName("MSG-11: a request that neither reads nor adds leaves the cookie alone")
	void untouchedStorageIsNotRewritten() {
		Browser browser = browser(MessagesTestApp.fallbackFilter());
		browser.addAndFollow("kept");
		EntityExchangeResult<String> plain = browser.get("/plain/");
		assertThat(setCookies(plain)).isEmpty();
		assertThat(browser.show()).isEqualTo("kept\n");
	}

	@Test
	@DisplayName("Consume-once: adding without reading stores the old messages and the new ones")
	void addingWithoutReadingKeepsOld() {
		Browser browser = browser(MessagesTestApp.fallbackFilter());
		browser.addAndFollow("old");
		EntityExchangeResult<String> added = browser.get("/messages/add-body/?text=new");
		assertThat(setCookies(added, "messages")).hasSize(1);
		assertThat(browser.show()).isEqualTo("old\nnew\n");
	}

	@Test
	@DisplayName("Consume-once: after a read, only messages added later are stored")
	void onlyMessagesAddedAfterReadAreStored() {
		Browser browser = browser(MessagesTestApp.fallbackFilter());
		browser.addAndFollow("old");
		assertThat(browser.get("/messages/read-then-add/?text=later").getResponseBody()).isEqualTo("old\n");
		assertThat(browser.show()).isEqualTo("later\n");
		assertThat(browser.show()).isEmpty();
	}

	@Test
	@DisplayName("Consume-once: a message added and read in the same request is shown once and not stored")
	void addedAndReadInSameRequest() {
		Browser browser = browser(MessagesTestApp.fallbackFilter());
		EntityExchangeResult<String> result = browser.get("/messages/add-then-read/?text=now");
		assertThat(result.getResponseBody()).isEqualTo("now\n");
		assertThat(setCookies(result)).isEmpty();
		assertThat(browser.show()).isEmpty();
	}

	@Test
	@DisplayName("Consume-once: messages are stored when the handler commits an empty response itself")
	void storedWhenResponseHasNoBody() {
		Browser browser = browser(MessagesTestApp.fallbackFilter());
		EntityExchangeResult<String> result = browser.get("/messages/empty-response/?text=accepted");
		assertThat(result.getStatus().value()).isEqualTo(202);
		assertThat(browser.show()).isEqualTo("accepted\n");
	}

	@Test
	@DisplayName("An empty message is dropped")
	void emptyMessageIsDropped() {
		Browser browser = browser(MessagesTestApp.fallbackFilter());
		EntityExchangeResult<String> added = browser.addAndFollow("");
		assertThat(setCookies(added)).isEmpty();
		assertThat(browser.show()).isEmpty();
	}

	@Test
	@DisplayName("MSG-12: tags are the extra tags then the level tag")
	void extraTagsComeFirst() {
		Browser browser = browser(new MessagesWebFilter(
				new FallbackMessageStorage(MessagesTestApp.cookieStorage(MessagesTestApp.DEFAULT_COOKIE),
						new SessionMessageStorage(MessageTags.defaults())),
				Level.DEBUG, MessageTags.defaults()));
		browser.get("/messages/add/?level=debug&tags=extra-tag&text=tagged");
		assertThat(browser.get("/messages/detail/").getResponseBody()).isEqualTo("10 [extra-tag debug] tagged\n");
	}

	@Test
	@DisplayName("MSG-12: configured tags override the defaults and tag custom levels")
	void customTags() {
		MessageTags tags = MessageTags.withOverrides(Map.of(29, "custom", 40, "bad"));
		Browser browser = browser(new MessagesWebFilter(new FallbackMessageStorage(
				new CookieMessageStorage(tags, new MessageSigner(MessagesTestApp.KEY), MessagesTestApp.DEFAULT_COOKIE),
				new SessionMessageStorage(tags)), Level.INFO, tags));
		browser.get("/messages/levels/");
		assertThat(browser.get("/messages/detail/").getResponseBody()).isEqualTo("""
				29 [custom] A custom level message
				20 [info] An informational message
				25 [success] A success message
				30 [warning] A warning message
				40 [bad] An error message
				""");
	}

	@Test
	@DisplayName("MSG-14: message-only traffic with the cookie adds no Vary header and no session")
	void noVaryForCookieMessages() {
		Browser browser = browser(MessagesTestApp.fallbackFilter());
		EntityExchangeResult<String> added = browser.addAndFollow("quiet");
		EntityExchangeResult<String> shown = browser.get("/messages/show/");
		assertThat(added.getResponseHeaders().get(HttpHeaders.VARY)).isNull();
		assertThat(shown.getResponseHeaders().get(HttpHeaders.VARY)).isNull();
		assertThat(setCookies(added, "SESSION")).isEmpty();
		assertThat(setCookies(shown, "SESSION")).isEmpty();
	}

}
