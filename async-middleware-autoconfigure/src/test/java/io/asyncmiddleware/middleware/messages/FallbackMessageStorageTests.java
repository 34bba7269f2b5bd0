package io.asyncmiddleware.middleware.messages;

import java.util.List;

import io.asyncmiddleware.middleware.messages.MessagesTestApp.Browser;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.web.server.WebFilter;

import static io.asyncmiddleware.middleware.messages.MessagesTestApp.browser;
import static io.asyncmiddleware.middleware.messages.MessagesTestApp.setCookies;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link FallbackMessageStorage}: the cookie first, the session for what does not fit.
 */
class FallbackMessageStorageTests {

	@Test
	@DisplayName("MSG-10: when everything fits, only the cookie is used and the session is untouched")
	void everythingFitsInCookie() {
		Browser browser = browser(MessagesTestApp.fallbackFilter());
		EntityExchangeResult<String> added = browser.addAndFollow(MessagesTestApp.randomTexts(4, 330)
			.toArray(String[]::new));
		assertThat(setCookies(added, "messages")).hasSize(1);
		assertThat(setCookies(added, "SESSION")).isEmpty();
	}

	@Test
	@DisplayName("MSG-10: on overflow the cookie keeps the oldest four and the session the fifth; all five are shown in order")
	void overflowGoesToSession() {
		Browser browser = browser(MessagesTestApp.fallbackFilter());
		List<String> texts = MessagesTestApp.randomTexts(5, 330);
		EntityExchangeResult<String> added = browser.addAndFollow(texts.toArray(String[]::new));
		assertThat(setCookies(added, "messages")).hasSize(1);
		assertThat(setCookies(added, "SESSION")).hasSize(1);
		assertThat(browser.get("/session/has-messages/").getResponseBody()).isEqualTo("true");
		CookieMessageStorage cookieOnly = MessagesTestApp.cookieStorage(MessagesTestApp.DEFAULT_COOKIE);
		Browser cookieReader = browser(new MessagesWebFilter(cookieOnly, Level.INFO, MessageTags.defaults()));
		cookieReader.cookies().put("messages", browser.cookies().get("messages"));
		assertThat(cookieReader.show()).isEqualTo(String.join("\n", texts.subList(0, 4)) + "\n");

		EntityExchangeResult<String> shown = browser.get("/messages/show/");
		assertThat(shown.getResponseBody()).isEqualTo(String.join("\n", texts) + "\n");
		assertThat(setCookies(shown, "messages")).singleElement().asString().contains("Max-Age=0");
		assertThat(browser.get("/session/has-messages/").getResponseBody()).isEqualTo("false");
		assertThat(browser.show()).isEmpty();
	}

	@Test
	@DisplayName("MSG-10: a message too big for any cookie goes only to the session")
	void hugeMessageGoesToSession() {
		Browser browser = browser(MessagesTestApp.fallbackFilter());
		String huge = MessagesTestApp.randomTexts(1, 5000).get(0);
		EntityExchangeResult<String> added = browser.addAndFollow(huge);
		assertThat(setCookies(added, "SESSION")).hasSize(1);
		assertThat(browser.cookies().get("messages")).hasSizeLessThan(200);
		assertThat(browser.get("/session/has-messages/").getResponseBody()).isEqualTo("true");
		assertThat(browser.show()).isEqualTo(huge + "\n");
		assertThat(browser.get("/session/has-messages/").getResponseBody()).isEqualTo("false");
	}

	@Test
	@DisplayName("MSG-10: the session is read only when the cookie says more are stored there")
	void sessionReadOnlyOnSentinel() {
		Browser browser = browser(MessagesTestApp.fallbackFilter());
		browser.addAndFollow(MessagesTestApp.randomTexts(5, 330).toArray(String[]::new));
		MessageCodec codec = new MessageCodec(MessageTags.defaults());
		List<Message> finished = List.of(new Message(20, "cookie only", "", "info"));
		browser.cookies().put("messages", new MessageSigner(MessagesTestApp.KEY).sign(codec.encode(finished, false)));
		assertThat(browser.show()).isEqualTo("cookie only\n");
		assertThat(browser.get("/session/has-messages/").getResponseBody()).isEqualTo("true");
	}

	@Test
	@DisplayName("MSG-10: used backends are flushed when new messages fit in the cookie again")
	void usedSessionIsFlushedWhenNoLongerNeeded() {
		Browser browser = browser(MessagesTestApp.fallbackFilter());
		browser.addAndFollow(MessagesTestApp.randomTexts(5, 330).toArray(String[]::new));
		assertThat(browser.get("/session/has-messages/").getResponseBody()).isEqualTo("true");
		assertThat(browser.get("/messages/read-then-add/?text=short").getResponseBody()).hasLineCount(5);
		assertThat(browser.get("/session/has-messages/").getResponseBody()).isEqualTo("false");
		assertThat(browser.show()).isEqualTo("short\n");
	}

	@Test
	@DisplayName("MSG-10: overflow is saved even when an earlier filter loaded the session first")
	void overflowSavedWhenSessionLoadedEarlier() {
		WebFilter loadsSession = (exchange, chain) -> exchange.getSession().then(chain.filter(exchange));
		Browser browser = browser(loadsSession, MessagesTestApp.fallbackFilter());
		List<String> texts = MessagesTestApp.randomTexts(5, 330);
		EntityExchangeResult<String> added = browser.addAndFollow(texts.toArray(String[]::new));
		assertThat(setCookies(added, "SESSION")).hasSize(1);
		assertThat(browser.show()).isEqualTo(String.join("\n", texts) + "\n");
	}

	@Test
	@DisplayName("MSG-10: overflow is saved when the handler writes a body and the session was loaded first")
	void overflowSavedWithBodyWhenSessionLoadedEarlier() {
		WebFilter loadsSession = (exchange, chain) -> exchange.getSession().then(chain.filter(exchange));
		Browser browser = browser(loadsSession, MessagesTestApp.fallbackFilter());
		String huge = MessagesTestApp.randomTexts(1, 3000).get(0);
		EntityExchangeResult<String> added = browser.get("/messages/add-body/?text=" + huge);
		assertThat(added.getResponseBody()).isEqualTo("added");
		assertThat(setCookies(added, "SESSION")).hasSize(1);
		assertThat(browser.show()).isEqualTo(huge + "\n");
	}

	@Test
	@DisplayName("Messages added before the handler fails are stored on the error response, overflow included")
	void storedOnErrorResponse() {
		Browser browser = browser(MessagesTestApp.fallbackFilter());
		String huge = MessagesTestApp.randomTexts(1, 3000).get(0);
		EntityExchangeResult<String> failed = browser.get("/messages/add-then-fail/?text=" + huge);
		assertThat(failed.getStatus().value()).isEqualTo(500);
		assertThat(setCookies(failed, "SESSION")).hasSize(1);
		assertThat(browser.show()).isEqualTo(huge + "\n");
	}

}
