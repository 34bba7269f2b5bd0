package io.asyncmiddleware.middleware.csrf;

import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * The secret of one request and whether it must be sent back (Django's
 * {@code META["CSRF_COOKIE"]} and {@code CSRF_COOKIE_NEEDS_UPDATE}).
 */
final class RequestCsrfSecret {

	private final CsrfTokenFormat format;

	private @Nullable String secret;

	private boolean needsUpdate;

	private Consumer<String> onSend = (secret) -> {
	};

	RequestCsrfSecret(CsrfTokenFormat format, @Nullable String secret, boolean needsUpdate) {
		this.format = format;
		this.secret = secret;
		this.needsUpdate = needsUpdate;
	}

	/** Django's {@code get_token}: a freshly masked token; the secret will be sent. */
	synchronized String getToken() {
		if (this.secret == null) {
			this.secret = this.format.newSecret();
		}
		this.needsUpdate = true;
		this.onSend.accept(this.secret);
		return this.format.mask(this.secret);
	}

	/** Django's {@code rotate_token}: a new secret, to be sent. */
	synchronized void rotate() {
		this.secret = this.format.newSecret();
		this.needsUpdate = true;
		this.onSend.accept(this.secret);
	}

	/** Called with the secret whenever it is flagged for sending, from now on and now if flagged. */
	synchronized void onSend(Consumer<String> onSend) {
		this.onSend = onSend;
		if (this.needsUpdate && this.secret != null) {
			onSend.accept(this.secret);
		}
	}

	/** The secret to send, once; {@code null} when nothing is to be sent. */
	synchronized @Nullable String takeSecretToSend() {
		if (!this.needsUpdate) {
			return null;
		}
		this.needsUpdate = false;
		return this.secret;
	}

}
