package io.asyncmiddleware.autoconfigure.check;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import io.asyncmiddleware.autoconfigure.auth.AuthenticationMiddlewareProperties;
import io.asyncmiddleware.autoconfigure.messages.MessagesMiddlewareProperties;
import io.asyncmiddleware.check.DeployCheck;
import io.asyncmiddleware.check.DeployFinding;
import io.asyncmiddleware.stack.MiddlewareStack;
import org.jspecify.annotations.Nullable;

/**
 * The secrets: Django's W009 (a weak or generated {@code SECRET_KEY}) for each secret set,
 * and ours, {@code async_middleware.W001}, for a secret left unset (so random per instance)
 * while sessions are in a shared store: every request that lands on another instance, or
 * comes after a restart, then fails the secret's check (the session is flushed, the
 * messages cookie dropped).
 */
final class SecretKeyDeployChecks implements DeployCheck {

	/** Django's {@code SECRET_KEY_MIN_LENGTH}. */
	static final int MIN_LENGTH = 50;

	/** Django's {@code SECRET_KEY_MIN_UNIQUE_CHARACTERS}. */
	static final int MIN_UNIQUE_CHARACTERS = 5;

	/** Django's {@code SECRET_KEY_INSECURE_PREFIX}: a key {@code startproject} generated. */
	static final String INSECURE_PREFIX = "django-insecure-";

	private final MiddlewareStack stack;

	private final @Nullable AuthenticationMiddlewareProperties authentication;

	private final @Nullable MessagesMiddlewareProperties messages;

	private final BooleanSupplier sharedSessionStore;

	SecretKeyDeployChecks(MiddlewareStack stack, @Nullable AuthenticationMiddlewareProperties authentication,
			@Nullable MessagesMiddlewareProperties messages, BooleanSupplier sharedSessionStore) {
		this.stack = stack;
		this.authentication = authentication;
		this.messages = messages;
		this.sharedSessionStore = sharedSessionStore;
	}

	@Override
	public List<DeployFinding> check() {
		List<DeployFinding> findings = new ArrayList<>();
		AuthenticationMiddlewareProperties authentication = this.authentication;
		if (authentication != null && this.stack.getEntry("authentication").isPresent()) {
			check("async-middleware.authentication.secret-key", authentication.getSecretKey(),
					"logged-in sessions are flushed", findings);
		}
		MessagesMiddlewareProperties messages = this.messages;
		if (messages != null && this.stack.getEntry("messages").isPresent()
				&& messages.getStorage() != MessagesMiddlewareProperties.Storage.SESSION) {
			check("async-middleware.messages.signing-key", messages.getSigningKey(),
					"pending messages are dropped", findings);
		}
		return findings;
	}

	private void check(String property, @Nullable String secret, String consequence, List<DeployFinding> findings) {
		if (secret == null || secret.isEmpty()) {
			if (this.sharedSessionStore.getAsBoolean()) {
				findings.add(new DeployFinding("async_middleware.W001", property + " not set",
						"each instance makes a random secret at startup while sessions are in a shared store: on "
								+ "another instance or after a restart " + consequence,
						"set " + property + " to the same long random secret on every instance, from the "
								+ "environment or a secret store, e.g. ${SECRET_KEY}"));
			}
			return;
		}
		if (isWeak(secret)) {
			findings.add(new DeployFinding("security.W009", property + " (" + secret.length() + " characters)",
					"the secret has fewer than " + MIN_LENGTH + " characters, fewer than " + MIN_UNIQUE_CHARACTERS
							+ " different characters, or starts with '" + INSECURE_PREFIX
							+ "' (a development key): whoever guesses it can forge what it signs",
					"set " + property + " to a long random secret (e.g. openssl rand -base64 48), from the "
							+ "environment or a secret store"));
		}
	}

	static boolean isWeak(String secret) {
		return secret.length() < MIN_LENGTH || secret.chars().distinct().count() < MIN_UNIQUE_CHARACTERS
				|| secret.startsWith(INSECURE_PREFIX);
	}

}
