package io.asyncmiddleware.middleware.csrf;

import io.asyncmiddleware.request.RequestSlot;
import reactor.core.publisher.Mono;

import org.jspecify.annotations.Nullable;
import org.springframework.web.server.ServerWebExchange;

/**
 * Replaces the request's CSRF secret with a new one that is sent to the client, as
 * Django's {@code rotate_token} does on login.
 *
 * <p>The {@code csrf} entry keeps an instance in the request's {@link #SLOT}; the login of the {@code authentication} entry calls it, so the two
 * entries need not know each other.
 */
@FunctionalInterface
public interface CsrfTokenRotation {

	/**
	 * The exchange attribute holding the rotation for the current request outside a
	 * composed stack; inside one it is in the request's {@link #SLOT}.
	 */
	String ATTRIBUTE = CsrfTokenRotation.class.getName();

	/** Where the {@code csrf} entry keeps the rotation for the current request. */
	RequestSlot<CsrfTokenRotation> SLOT = RequestSlot.named(ATTRIBUTE);

	/**
	 * Rotates the CSRF secret of the current request.
	 * @return completes when the new secret is in place
	 */
	Mono<Void> rotate();

	/**
	 * Rotates the exchange's CSRF secret if the {@code csrf} entry is in the stack.
	 * @param exchange the current exchange
	 * @return completes when done, at once when there is no {@code csrf} entry
	 */
	static Mono<Void> rotate(ServerWebExchange exchange) {
		@Nullable CsrfTokenRotation rotation = SLOT.get(exchange);
		return (rotation != null) ? rotation.rotate() : Mono.empty();
	}

}
