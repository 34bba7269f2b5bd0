package io.asyncmiddleware.chain;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

import io.asyncmiddleware.detection.runtime.EventLoopHold;
import io.asyncmiddleware.detection.runtime.EventLoopHolder;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.Scannable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;

/**
 * One request from one position of a {@link StackChain} to the next entry that runs as a
 * {@code WebFilter}: the {@code Mono} the entry above gets from
 * {@code chain.filter(exchange)}, the subscriber of the entry's own {@code Mono}, the
 * subscription handed back, and the chain handed to the entry, all in one object. Entries
 * on the way that pass the request through synchronously ({@link SynchronousRequestStep})
 * run in a plain loop first, so a stretch of them costs this one object. Position
 * {@code entries.length} is the rest of Spring's chain.
 *
 * <p>Nothing runs until subscription, as with Spring's {@code DefaultWebFilterChain}. A
 * second subscription (an entry retrying the chain) gets a fresh call.
 */
final class EntryCall extends Mono<Void> implements CoreSubscriber<Void>, Subscription, WebFilterChain, Scannable {

	private static final VarHandle SUBSCRIBED;

	static {
		try {
			SUBSCRIBED = MethodHandles.lookup().findVarHandle(EntryCall.class, "subscribed", boolean.class);
		}
		catch (ReflectiveOperationException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	private final RequestTimings timings;

	/** Where the call starts; entries from here to {@link #index} passed the request through. */
	private final int first;

	private final ServerWebExchange firstExchange;

	/** The position whose {@code Mono} this call subscribes to, once the passing entries ran. */
	private int index;

	private ServerWebExchange exchange;

	/** The response the innermost passing entry that asked for it decorated, completed if the rest leaves it empty. */
	private @Nullable ServerHttpResponse toComplete;

	/** That response's completion is running, in place of the position's Mono. */
	private boolean completing;

	/** The Reactor context passing entries wrote for the rest of the chain, if any. */
	private @Nullable Context context;

	@SuppressWarnings("unused") // accessed through SUBSCRIBED
	private volatile boolean subscribed;

	private @Nullable CoreSubscriber<? super Void> actual;

	private @Nullable Subscription upstream;

	private boolean done;

	/** The position's Mono failed and its error response is being written. */
	private boolean converting;

	EntryCall(RequestTimings timings, int index, ServerWebExchange exchange) {
		this.timings = timings;
		this.first = index;
		this.firstExchange = exchange;
		this.index = index;
		this.exchange = exchange;
	}

	// the Mono: runs the entry (or the rest of the chain) on subscription

	@Override
	public void subscribe(CoreSubscriber<? super Void> actual) {
		if (!SUBSCRIBED.compareAndSet(this, false, true)) {
			new EntryCall(this.timings, this.first, this.firstExchange).subscribe(actual);
			return;
		}
		this.actual = actual;
		long now = System.nanoTime();
		this.timings.entered(this.index, now);
		EventLoopHold hold = this.timings.currentHold();
		EventLoopHolder previous = (hold != null) ? hold.holder() : null;
		try {
			Mono<Void> work;
			try {
				work = run(hold, now);
				if (work == null) {
					throw new NullPointerException("WebFilter returned null");
				}
			}
			catch (Throwable ex) {
				if (this.timings.errors.isActive()) {
					// answered here, as an error signalled by the entry's Mono would be
					Mono.<Void>error(ex).subscribe(this);
					return;
				}
				this.done = true;
				leave(System.nanoTime(), true, true);
				Operators.error(actual, Operators.onOperatorError(ex, actual.currentContext()));
				return;
			}
			work.subscribe(this);
		}
		finally {
			if (hold != null) {
				hold.handBack(previous);
			}
		}
	}

	/**
	 * Runs the entries that pass the request through, then the first that does not (or
	 * the rest of Spring's chain): that one's {@code Mono}.
	 */
	private Mono<Void> run(@Nullable EventLoopHold hold, long entered) {
		long now = entered;
		PassingSteps passing = this.timings.steps;
		while (true) {
			if (hold != null) {
				// the entry holds the thread; nobody of ours while the rest of Spring's chain runs
				hold.takeOver(isEntry() ? this.timings.entries[this.index].holder() : null, now);
			}
			if (!isEntry()) {
				return this.timings.outer.filter(this.exchange);
			}
			SynchronousRequestStep step = (passing != null) ? passing.steps[this.index] : null;
			ServerWebExchange passed = (step != null) ? step.passThrough(this.exchange) : null;
			if (passed == null) {
				return this.timings.entries[this.index].filter().filter(this.exchange, this);
			}
			if (passing.completesEmptyResponse[this.index]) {
				this.toComplete = passed.getResponse();
			}
			if (passing.writesContext[this.index]) {
				this.context = step.contextFor(passed, currentContext());
			}
			this.exchange = passed;
			this.index++;
			now = System.nanoTime();
			this.timings.entered(this.index, now);
		}
	}

	private boolean isEntry() {
		return this.index < this.timings.entries.length;
	}

	/**
	 * The call ends: its position's clock stops, then those of the entries that passed the
	 * request through, innermost first; the request's figures are folded when it leaves
	 * the chain.
	 */
	private void leave(long now, boolean positionFailed, boolean failedThrough) {
		this.timings.left(this.index, now, positionFailed);
		for (int passed = this.index - 1; passed >= this.first; passed--) {
			this.timings.left(passed, now, failedThrough);
		}
		if (this.first == 0) {
			this.timings.fold(now);
			InnermostFirstResponse response = this.timings.response;
			if (response != null) {
				// before the signal goes up: what commits the response from there runs the actions
				response.leftStack();
			}
		}
	}

	// the chain handed to the entry

	@Override
	public Mono<Void> filter(ServerWebExchange exchange) {
		return new EntryCall(this.timings, this.index + 1, exchange);
	}

	// the subscriber of the entry's Mono

	@Override
	public void onSubscribe(Subscription s) {
		if (this.converting || this.completing) {
			// the error response's Mono replaces the failed one; the entry above already
			// holds this object as its subscription
			this.upstream = s;
			s.request(Long.MAX_VALUE);
			return;
		}
		if (Operators.validate(this.upstream, s)) {
			this.upstream = s;
			actual().onSubscribe(this);
		}
	}

	@Override
	public void onNext(Void unused) {
		// a Mono<Void> has no values
	}

	@Override
	public void onError(Throwable ex) {
		if (this.done) {
			Operators.onErrorDropped(ex, currentContext());
			return;
		}
		if (!this.converting && this.timings.errors.isActive()) {
			// Django's convert_exception_to_response: the error becomes a response at this
			// position, which the entries above see as any other (once: if rendering fails,
			// that error goes up)
			this.converting = true;
			Mono<Void> response;
			try {
				// an error of the completion is the passing entries' response phase, not the view's
				response = this.timings.errors.respond(this.exchange, ex, !isEntry() && !this.completing);
			}
			catch (Throwable failure) {
				terminate(ex);
				return;
			}
			response.subscribe(this);
			return;
		}
		terminate(ex);
	}

	@Override
	public void onComplete() {
		if (this.done) {
			return;
		}
		ServerHttpResponse response = this.toComplete;
		if (response != null && !this.converting) {
			this.toComplete = null;
			if (!response.isCommitted()) {
				// as a passing entry's chain.filter(exchange).then(response.setComplete()) would
				this.completing = true;
				Mono<Void> completion;
				try {
					completion = response.setComplete();
				}
				catch (Throwable ex) {
					onError(ex);
					return;
				}
				completion.subscribe(this);
				return;
			}
		}
		terminate(null);
	}

	private void terminate(@Nullable Throwable error) {
		this.done = true;
		long now = System.nanoTime();
		leave(now, error != null || this.converting, error != null);
		// what reacts is the entry above, or, above the first, code that is none of ours
		EventLoopHold hold = this.timings.currentHold();
		if (hold == null) {
			signal(error);
			return;
		}
		EventLoopHolder previous = hold.holder();
		hold.takeOver((this.first > 0) ? this.timings.entries[this.first - 1].holder() : null, now);
		try {
			signal(error);
		}
		finally {
			hold.handBack(previous);
		}
	}

	private void signal(@Nullable Throwable error) {
		if (error != null) {
			actual().onError(error);
		}
		else {
			actual().onComplete();
		}
	}

	@Override
	public Context currentContext() {
		Context written = this.context;
		return (written != null) ? written : actual().currentContext();
	}

	private CoreSubscriber<? super Void> actual() {
		CoreSubscriber<? super Void> subscriber = this.actual;
		if (subscriber == null) {
			throw new IllegalStateException("Not subscribed");
		}
		return subscriber;
	}

	// the subscription handed back

	@Override
	public void request(long n) {
		Subscription s = this.upstream;
		if (s != null) {
			s.request(n);
		}
	}

	@Override
	public void cancel() {
		if (!this.done) {
			this.done = true;
			leave(System.nanoTime(), false, false);
		}
		Subscription s = this.upstream;
		if (s != null) {
			s.cancel();
		}
	}

	@Override
	public @Nullable Object scanUnsafe(Attr key) {
		if (key == Attr.PARENT) {
			return this.upstream;
		}
		if (key == Attr.ACTUAL) {
			return this.actual;
		}
		if (key == Attr.TERMINATED || key == Attr.CANCELLED) {
			return this.done;
		}
		if (key == Attr.RUN_STYLE) {
			return Attr.RunStyle.SYNC;
		}
		if (key == Attr.NAME) {
			return isEntry() ? "stack(" + this.timings.entries[this.index].name() + ")" : "stack(rest of chain)";
		}
		return null;
	}

}
