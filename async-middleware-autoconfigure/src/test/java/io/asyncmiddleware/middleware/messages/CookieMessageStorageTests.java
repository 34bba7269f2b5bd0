package io.asyncmiddleware.middleware.messages;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.asyncmiddleware.middleware.CookieSettings;
import io.asyncmiddleware.middleware.messages.MessagesTestApp.Browser;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.web.server.Cookie.SameSite;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static io.asyncmiddleware.middleware.messages.MessagesTestApp.browser;
import static io.asyncmiddleware.middleware.messages.MessagesTestApp.setCookies;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The signed {@code messages} cookie of {@link CookieMessageStorage}, on its own and as
 * the first storage of the fallback.
 */
@ExtendWith(OutputCaptureExtension.class)
class CookieMessageStorageTests {

	@Test
	@DisplayName("MSG-05: the cookie has HttpOnly, Path=/ and SameSite=Lax by default, and no expiry")
	void defaultCookieAttributes() {
		Browser browser = browser(MessagesTestApp.fallbackFilter());
		String header = setCookies(browser.addAndFollow("hello"), "messages").get(0);
		assertThat(header).matches("messages=[A-Za-z0-9_.-]+; Path=/; HttpOnly; SameSite=Lax");
	}

	@Test
	@DisplayName("MSG-05: the cookie follows the configured domain, Secure, HttpOnly and SameSite")
	void configuredCookieAttributes() {
		CookieSettings cookie = new CookieSettings("messages", "example.com", "/", true, false,
				SameSite.STRICT);
		Browser browser = browser(new MessagesWebFilter(MessagesTestApp.cookieStorage(cookie), Level.INFO,
				MessageTags.defaults()));
		String header = setCookies(browser.addAndFollow("hello"), "messages").get(0);
		assertThat(header).contains("; Path=/", "; Domain=example.com", "; Secure", "; SameSite=Strict")
			.doesNotContain("HttpOnly", "Max-Age", "Expires");
	}

	@Test
	@DisplayName("MSG-06: once consumed the cookie is deleted with the configured domain and SameSite")
	void consumedCookieIsDeleted() {
		CookieSettings cookie = new CookieSettings("messages", "example.com", "/", true, true,
				SameSite.STRICT);
		Browser browser = browser(new MessagesWebFilter(MessagesTestApp.cookieStorage(cookie), Level.INFO,
				MessageTags.defaults()));
		browser.addAndFollow("bye");
		EntityExchangeResult<String> shown = browser.get("/messages/show/");
		assertThat(shown.getResponseBody()).isEqualTo("bye\n");
		assertThat(setCookies(shown, "messages")).singleElement()
			.isEqualTo("messages=\"\"; Domain=example.com; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; "
					+ "Path=/; SameSite=Strict");
	}

	@Test
	@DisplayName("MSG-06: a deletion with SameSite=None is Secure, as browsers require")
	void deletionWithSameSiteNoneIsSecure() {
		CookieSettings cookie = new CookieSettings("messages", null, "/", false, true, SameSite.NONE);
		Browser browser = browser(new MessagesWebFilter(MessagesTestApp.cookieStorage(cookie), Level.INFO,
				MessageTags.defaults()));
		browser.addAndFollow("bye");
		assertThat(setCookies(browser.get("/messages/show/"), "messages")).singleElement()
			.asString()
			.contains("Max-Age=0", "Secure", "SameSite=None");
	}

	@Test
	@DisplayName("MSG-07: a tampered cookie gives no messages and is not deleted")
	void tamperedCookieIsIgnored() {
		Browser browser = browser(MessagesTestApp.fallbackFilter());
		browser.addAndFollow("genuine");
		String value = browser.cookies().get("messages");
		char last = value.charAt(value.length() - 1);
		browser.cookies().put("messages", value.substring(0, value.length() - 1) + ((last == 'A') ? 'B' : 'A'));
		EntityExchangeResult<String> shown = browser.get("/messages/show/");
		assertThat(shown.getStatus().value()).isEqualTo(200);
		assertThat(shown.getResponseBody()).isNullOrEmpty();
		assertThat(setCookies(shown)).isEmpty();
	}

	@Test
	@DisplayName("MSG-07: a cookie signed with another key gives no messages")
	void cookieSignedWithAnotherKeyIsIgnored() {
		Browser writer = browser(MessagesTestApp.fallbackFilter());
		writer.addAndFollow("forged");
		CookieMessageStorage otherKey = new CookieMessageStorage(MessageTags.defaults(),
				new MessageSigner("another key entirely, also long".getBytes(StandardCharsets.UTF_8)),
				MessagesTestApp.DEFAULT_COOKIE);
		Browser reader = browser(new MessagesWebFilter(otherKey, Level.INFO, MessageTags.defaults()));
		reader.cookies().putAll(writer.cookies());
		assertThat(reader.show()).isEmpty();
	}

	@Test
	@DisplayName("MSG-07: a data part changed under a valid-looking signature is rejected")
	void swappedDataIsIgnored() {
		Browser browser = browser(MessagesTestApp.fallbackFilter());
		browser.addAndFollow("first");
		String first = browser.cookies().get("messages");
		browser.show();
		browser.addAndFollow("second");
		String second = browser.cookies().get("messages");
		browser.cookies().put("messages", second.substring(0, second.indexOf('.')) + first.substring(first.indexOf('.')));
		assertThat(browser.show()).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "garbage", "not.base64!.at-all", "...", "AAAA.BBBB", "ünïcödé.välüé", "\"quoted\"" })
	@DisplayName("Bad input: a malformed messages cookie gives no messages, no 500, and is left alone")
	void malformedCookieIsIgnored(String value) {
		Browser browser = browser(MessagesTestApp.fallbackFilter());
		browser.cookies().put("messages", value);
		EntityExchangeResult<String> shown = browser.get("/messages/show/");
		assertThat(shown.getStatus().value()).isEqualTo(200);
		assertThat(shown.getResponseBody()).isNullOrEmpty();
		assertThat(setCookies(shown)).isEmpty();
	}

	@Test
	@DisplayName("Bad input: an over-long messages cookie gives no messages and no 500")
	void overLongCookieIsIgnored() {
		Browser browser = browser(MessagesTestApp.fallbackFilter());
		browser.cookies().put("messages", "A".repeat(20_000) + "." + "B".repeat(43));
		EntityExchangeResult<String> shown = browser.get("/messages/show/");
		assertThat(shown.getStatus().value()).isEqualTo(200);
		assertThat(shown.getResponseBody()).isNullOrEmpty();
	}

	@Test
	@DisplayName("Bad input: a messages cookie sent twice gives no messages, even when both are genuine")
	void duplicatedCookieIsIgnored() {
		Browser browser = browser(MessagesTestApp.fallbackFilter());
		browser.addAndFollow("once");
		String value = browser.cookies().get("messages");
		EntityExchangeResult<String> shown = browser.client()
			.get()
			.uri("/messages/show/")
			.header("Cookie", "messages=" + value + "; messages=" + value)
			.exchange()
			.expectBody(String.class)
			.returnResult();
		assertThat(shown.getStatus().value()).isEqualTo(200);
		assertThat(shown.getResponseBody()).isNullOrEmpty();
		assertThat(setCookies(shown)).isEmpty();
	}

	@Test
	@DisplayName("MSG-09: the cookie value never holds \\ , ; \" or spaces, and texts come back exactly")
	void cookieValueIsSafe() {
		Browser browser = browser(MessagesTestApp.fallbackFilter());
		String[] texts = { "back\\slash", "comma, here", "semi;colon", "\"quoted\"", "spaced out",
				"ünïcödé ✓ 日本語", "line\nbreak" };
		browser.addAndFollow(texts);
		assertThat(browser.cookies().get("messages")).matches("[A-Za-z0-9_.-]+").doesNotContain("\\", ",", ";", "\"");
		assertThat(browser.show()).isEqualTo(String.join("\n", texts) + "\n");
	}

	@Test
	@DisplayName("MSG-08: on its own the cookie keeps the newest messages that fit in 2048 bytes")
	void cookieOnItsOwnDropsOldest(CapturedOutput output) {
		Browser browser = browser(MessagesTestApp.cookieFilter());
		List<String> texts = MessagesTestApp.randomTexts(5, 330);
		EntityExchangeResult<String> added = browser.addAndFollow(texts.toArray(String[]::new));
		String header = setCookies(added, "messages").get(0);
		assertThat(header.substring(0, header.indexOf(';')).length() - "messages=".length())
			.isLessThanOrEqualTo(CookieMessageStorage.MAX_COOKIE_SIZE);
		assertThat(browser.show()).isEqualTo(String.join("\n", texts.subList(1, 5)) + "\n");
		assertThat(output).contains("Not all temporary messages could be stored: 1 dropped (level 20, 330 chars)");
	}

	@Test
	@DisplayName("MSG-08: on its own the cookie fits exactly what is under the limit, without the sentinel")
	void cookieHoldsAllThatFit(CapturedOutput output) {
		Browser browser = browser(MessagesTestApp.cookieFilter());
		List<String> texts = MessagesTestApp.randomTexts(4, 330);
		browser.addAndFollow(texts.toArray(String[]::new));
		assertThat(browser.show()).isEqualTo(String.join("\n", texts) + "\n");
		assertThat(output).doesNotContain("Not all temporary messages");
	}

	@Test
	@DisplayName("On its own the cookie storage does not need the session")
	void cookieStorageNeedsNoSession() {
		Browser browser = browser(MessagesTestApp.cookieFilter());
		EntityExchangeResult<String> added = browser.addAndFollow("alone");
		assertThat(setCookies(added, "SESSION")).isEmpty();
		assertThat(browser.show()).isEqualTo("alone\n");
	}

}
