package io.asyncmiddleware.middleware.messages;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * {@link MessagesStackRequirement}: Django's ImproperlyConfigured for session storage.
 */
class MessagesStackRequirementTests {

	private final MessagesStackRequirement sessionStorage = new MessagesStackRequirement(true);

	@Test
	@DisplayName("Session storage with 'session' before 'messages' passes")
	void sessionBeforeMessagesPasses() {
		assertThatNoException()
			.isThrownBy(() -> this.sessionStorage.check(List.of("security", "session", "csrf", "messages")));
	}

	@Test
	@DisplayName("Session storage without a 'session' entry fails, naming the fix")
	void missingSessionFails() {
		assertThatIllegalStateException().isThrownBy(() -> this.sessionStorage.check(List.of("csrf", "messages")))
			.withMessageContaining("The session-based temporary message storage requires the 'session' entry")
			.withMessageContaining("Add 'session' before 'messages'")
			.withMessageContaining("async-middleware.messages.storage");
	}

	@Test
	@DisplayName("Session storage with 'session' after 'messages' fails")
	void sessionAfterMessagesFails() {
		assertThatIllegalStateException()
			.isThrownBy(() -> this.sessionStorage.check(List.of("messages", "session")))
			.withMessageContaining("[messages, session]");
	}

	@Test
	@DisplayName("Cookie and fallback storage, or a stack without 'messages', need no session entry")
	void otherCasesPass() {
		assertThatNoException().isThrownBy(() -> new MessagesStackRequirement(false).check(List.of("messages")));
		assertThatNoException().isThrownBy(() -> this.sessionStorage.check(List.of("csrf")));
	}

}
