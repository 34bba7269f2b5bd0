package io.asyncmiddleware.autoconfigure.session;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

class SessionEntryRequirementTests {

	@Test
	@DisplayName("AUTH-01: authentication without session fails with Django's message, adapted")
	void authenticationWithoutSession() {
		assertThatIllegalStateException()
			.isThrownBy(() -> SessionEntryRequirement.check(List.of("security", "csrf", "authentication"), "authentication"))
			.withMessageStartingWith("The authentication middleware requires session middleware to be installed. "
					+ "Edit your async-middleware.stack setting to insert 'session' before 'authentication'");
	}

	@Test
	@DisplayName("AUTH-01: session after authentication fails too")
	void sessionAfterAuthentication() {
		assertThatIllegalStateException()
			.isThrownBy(() -> SessionEntryRequirement.check(List.of("authentication", "session"), "authentication"))
			.withMessageContaining("[authentication, session]");
	}

	@Test
	@DisplayName("AUTH-01: session before authentication, or no authentication at all, passes")
	void validStacks() {
		assertThatNoException().isThrownBy(() -> SessionEntryRequirement
			.check(List.of("security", "session", "common", "csrf", "authentication"), "authentication"));
		assertThatNoException().isThrownBy(() -> SessionEntryRequirement.check(List.of("security"), "authentication"));
		assertThatNoException().isThrownBy(() -> SessionEntryRequirement.check(List.of(), "authentication"));
	}

}
