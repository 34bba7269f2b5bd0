package io.asyncmiddleware.chain;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.asyncmiddleware.middleware.WholeBodyResponseDecorator;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpResponse;

/**
 * Collects the before-commit actions the entries register and runs them, at commit,
 * newest (innermost) first, as Django runs {@code process_response}.
 *
 * <p>Most actions finish synchronously (they set headers and return {@code Mono.empty()}):
 * those run in a plain loop, and only an action with real asynchronous work (saving a
 * session) makes the rest wait for it, so a commit costs no operator per action.
 *
 * <p>A whole body (what the handler wrote as one {@code Mono}, once produced) is the
 * commit: the actions run just before it is written, where the response's own
 * {@code beforeCommit} would run them, so the response underneath gets no action of ours
 * and commits without assembling a {@code Flux} of them. Every other way to commit (a
 * streamed body, a response completed without one, a write to the response underneath by
 * code outside the stack, such as an error page rendered after the request left it)
 * gets the actions handed to the response underneath, to run at its commit; the stack
 * hands them down when the request leaves it with the response uncommitted. They run once
 * either way.
 */
final class InnermostFirstResponse extends WholeBodyResponseDecorator {

	private static final Mono<Void> EMPTY = Mono.empty();

	// in the order registered; run from the end
	private final List<Supplier<? extends Mono<Void>>> actions = new ArrayList<>(8);

	// whether the actions are registered with the response underneath (guarded by actions)
	private boolean handedDown;

	InnermostFirstResponse(ServerHttpResponse delegate) {
		super(delegate);
	}

	@Override
	public void beforeCommit(Supplier<? extends Mono<Void>> action) {
		synchronized (this.actions) {
			this.actions.add(action);
		}
	}

	@Override
	public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
		if (body instanceof Mono<? extends DataBuffer> mono) {
			return receiveWhole(mono);
		}
		handDown();
		return super.writeWith(body);
	}

	@Override
	public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
		handDown();
		return super.writeAndFlushWith(body);
	}

	@Override
	public Mono<Void> setComplete() {
		handDown();
		return super.setComplete();
	}

	@Override
	public Mono<Void> writeWhole(@Nullable DataBuffer body) {
		if (body == null || isCommitted()) {
			handDown();
			return super.writeWith((body != null) ? Mono.just(body) : Mono.empty());
		}
		Mono<Void> actions;
		try {
			actions = runActions();
		}
		catch (Throwable ex) {
			return actionFailed(body, ex);
		}
		if (actions == EMPTY) {
			return super.writeWith(Mono.just(body));
		}
		return actions.onErrorResume((ex) -> actionFailed(body, ex))
			.then(Mono.defer(() -> super.writeWith(Mono.just(body))));
	}

	// as the response's own commit does when an action fails: the body is not written, and
	// its content headers do not describe what is written instead (the error page)
	private Mono<Void> actionFailed(DataBuffer body, Throwable ex) {
		DataBufferUtils.release(body);
		getHeaders().clearContentHeaders();
		return Mono.error(ex);
	}

	/**
	 * The request left the stack: if the response is not committed yet, whoever commits
	 * it (WebFlux completing an empty response, an error page rendered outside the stack)
	 * runs the actions.
	 */
	void leftStack() {
		if (!isCommitted()) {
			handDown();
		}
	}

	private void handDown() {
		synchronized (this.actions) {
			if (this.handedDown) {
				return;
			}
			this.handedDown = true;
		}
		getDelegate().beforeCommit(this::runActions);
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
