package io.asyncmiddleware.middleware.auth;

import java.util.function.Supplier;

import io.asyncmiddleware.request.RequestSlot;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.security.core.Authentication;
import org.springframework.web.server.ServerWebExchange;

/**
 * The user of one request (Django: {@code request.user}), resolved from the session at
 * most once and only when asked for; login and logout replace it. It is also the
 * principal supplier of the request's exchange layer, so that layer costs no adapter.
 */
final class RequestUser implements Supplier<Mono<Authentication>> {

	private static final RequestSlot<RequestUser> SLOT = RequestSlot.named(RequestUser.class.getName());

	private final Mono<Authentication> resolution;

	// the resolution, cached on first use: most requests never ask for their user
	private volatile @Nullable Mono<Authentication> user;

	private RequestUser(Mono<Authentication> resolution) {
		this.resolution = resolution;
	}

	static RequestUser install(ServerWebExchange exchange, Mono<Authentication> resolution) {
		RequestUser requestUser = new RequestUser(resolution);
		SLOT.set(exchange, requestUser);
		return requestUser;
	}

	static @Nullable RequestUser of(ServerWebExchange exchange) {
		return SLOT.get(exchange);
	}

	static void set(ServerWebExchange exchange, Authentication authentication) {
		@Nullable RequestUser requestUser = SLOT.get(exchange);
		if (requestUser != null) {
			requestUser.user = Mono.just(authentication);
		}
	}

	@Override
	public Mono<Authentication> get() {
		return Mono.defer(this::user);
	}

	private Mono<Authentication> user() {
		Mono<Authentication> user = this.user;
		if (user == null) {
			synchronized (this) {
				user = this.user;
				if (user == null) {
					user = this.resolution.cache();
					this.user = user;
				}
			}
		}
		return user;
	}

}
