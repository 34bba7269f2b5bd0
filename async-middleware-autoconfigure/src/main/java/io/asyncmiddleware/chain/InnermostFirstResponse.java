package io.asyncmiddleware.chain;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;

/**
 * Collects the before-commit actions the entries register and runs them, at commit,
 * newest (innermost) first, as Django runs {@code process_response}.
 */
final class InnermostFirstResponse extends ServerHttpResponseDecorator {

	private final List<Supplier<? extends Mono<Void>>> actions = new ArrayList<>();

	InnermostFirstResponse(ServerHttpResponse delegate) {
		super(delegate);
		delegate.beforeCommit(() -> Flux.fromIterable(takeActions()).concatMap(Supplier::get).then());
	}

	@Override
	public void beforeCommit(Supplier<? extends Mono<Void>> action) {
		synchronized (this.actions) {
			this.actions.add(0, action);
		}
	}

	private List<Supplier<? extends Mono<Void>>> takeActions() {
		synchronized (this.actions) {
			List<Supplier<? extends Mono<Void>>> taken = new ArrayList<>(this.actions);
			this.actions.clear();
			return taken;
		}
	}

}
