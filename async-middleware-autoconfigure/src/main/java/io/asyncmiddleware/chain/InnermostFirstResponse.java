package io.asyncmiddleware.chain;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import reactor.core.publisher.Mono;

import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;

/**
 * Collects the before-commit actions the entries register and runs them, at commit,
 * newest (innermost) first, as Django runs {@code process_response}.
 *
 * <p>Most actions finish synchronously (they set headers and return {@code Mono.empty()}):
 * those run in a plain loop, and only an action with real asynchronous work (saving a
 * session) makes the rest wait for it, so a commit costs no operator per action.
 */
final class InnermostFirstResponse extends ServerHttpResponseDecorator {

	private static final Mono<Void> EMPTY = Mono.empty();

	// in the order registered; run from the end
	private final List<Supplier<? extends Mono<Void>>> actions = new ArrayList<>(8);

	InnermostFirstResponse(ServerHttpResponse delegate) {
		super(delegate);
		delegate.beforeCommit(this::runActions);
	}

	@Override
	public void beforeCommit(Supplier<? extends Mono<Void>> action) {
		synchronized (this.actions) {
			this.actions.add(action);
		}
	}

	private Mono<Void> runActions() {
		List<Supplier<? extends Mono<Void>>> taken;
		synchronized (this.actions) {
			if (this.actions.isEmpty()) {
				return EMPTY;
			}
			taken = new ArrayList<>(this.actions);
			this.actions.clear();
		}
		return runFrom(taken, taken.size() - 1);
	}

	private static Mono<Void> runFrom(List<Supplier<? extends Mono<Void>>> actions, int index) {
		for (int at = index; at >= 0; at--) {
			Mono<Void> action = actions.get(at).get();
			if (action != EMPTY) {
				int next = at - 1;
				return (next < 0) ? action : action.then(Mono.defer(() -> runFrom(actions, next)));
			}
		}
		return EMPTY;
	}

}
