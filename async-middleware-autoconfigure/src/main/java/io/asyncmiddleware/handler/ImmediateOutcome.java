package io.asyncmiddleware.handler;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;

/**
 * The outcome of a {@code Mono} that completes while it is subscribed, as the handler
 * mappings' lookups do: read without assembling operators around it. A {@code Mono} that
 * answers later is cancelled, and its outcome is {@code null}.
 */
final class ImmediateOutcome implements CoreSubscriber<Object> {

	private @Nullable Subscription subscription;

	private @Nullable Object value;

	private @Nullable Throwable error;

	private boolean done;

	private ImmediateOutcome() {
	}

	/**
	 * Subscribes and returns what the {@code Mono} signalled during the subscription.
	 * @param mono the {@code Mono}
	 * @return the outcome, or {@code null} when the {@code Mono} did not complete at once
	 */
	static @Nullable ImmediateOutcome of(Mono<?> mono) {
		ImmediateOutcome outcome = new ImmediateOutcome();
		mono.subscribe(outcome);
		if (!outcome.done) {
			Subscription subscription = outcome.subscription;
			if (subscription != null) {
				subscription.cancel();
			}
			return null;
		}
		return outcome;
	}

	@Nullable Object value() {
		return this.value;
	}

	@Nullable Throwable error() {
		return this.error;
	}

	@Override
	public void onSubscribe(Subscription subscription) {
		this.subscription = subscription;
		subscription.request(Long.MAX_VALUE);
	}

	@Override
	public void onNext(Object value) {
		this.value = value;
	}

	@Override
	public void onError(Throwable error) {
		this.error = error;
		this.done = true;
	}

	@Override
	public void onComplete() {
		this.done = true;
	}

}
