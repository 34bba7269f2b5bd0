package io.asyncmiddleware.middleware.messages;

import io.asyncmiddleware.middleware.messages.MessagesTestApp.Browser;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.web.server.WebFilter;

import static io.asyncmiddleware.middleware.messages.MessagesTestApp.browser;
import static io.asyncmiddleware.middleware.messages.MessagesTestApp.setCookies;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SessionMessageStorage}: messages in the {@code WebSession}.
 */
class SessionMessageStorageTests {

	@Test
	@DisplayName("Session storage keeps messages in the session, not in a cookie, and consumes them once")
	void messagesLiveInSession() {
		Browser browser = browser(MessagesTestApp.sessionFilter());
		EntityExchangeResult<String> added = browser.addAndFollow("one", "two");
		assertThat(setCookies(added, "messages")).isEmpty();
		assertThat(setCookies(added, "SESSION")).hasSize(1);
		assertThat(browser.get("/session/has-messages/").getResponseBody()).isEqualTo("true");
		assertThat(browser.show()).isEqualTo("one\ntwo\n");
		assertThat(browser.get("/session/has-messages/").getResponseBody()).isEqualTo("false");
		assertThat(browser.show()).isEmpty();
	}

	@Test
	@DisplayName("Session storage keeps any number of large messages")
	void sessionHasNoCookieLimit() {
		Browser browser = browser(MessagesTestApp.sessionFilter());
		String[] texts = MessagesTestApp.randomTexts(10, 1000).toArray(String[]::new);
		browser.addAndFollow(texts);
		assertThat(browser.show()).isEqualTo(String.join("\n", texts) + "\n");
	}

	@Test
	@DisplayName("Bad input: an unreadable session value gives no messages and no 500")
	void unreadableSessionValueIsIgnored() {
		WebFilter corrupts = (exchange, chain) -> exchange.getSession().doOnNext((session) -> {
			session.getAttributes().put(SessionMessageStorage.ATTRIBUTE, "%%% not base64 %%%");
		}).then(chain.filter(exchange));
		Browser browser = browser(corrupts, MessagesTestApp.sessionFilter());
		EntityExchangeResult<String> shown = browser.get("/messages/show/");
		assertThat(shown.getStatus().value()).isEqualTo(200);
		assertThat(shown.getResponseBody()).isNullOrEmpty();
	}

}
