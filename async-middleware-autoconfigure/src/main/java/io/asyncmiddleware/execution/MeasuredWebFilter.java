package io.asyncmiddleware.execution;

import io.asyncmiddleware.metrics.EntryMetrics;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;

import io.asyncmiddleware.detection.runtime.EventLoopHold;
import io.asyncmiddleware.detection.runtime.EventLoopHolder;
import io.asyncmiddleware.detection.runtime.EventLoopStallWatchdog;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.Scannable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Wraps every entry of the stack to record its live figures: requests, errors, in
 * flight, and the time spent in the entry itself (the time until its {@code Mono}
 * terminates, minus the time the rest of the chain took). While the entry runs
 * synchronous code on a non-blocking thread (its {@code filter} call, its subscription
 * until it subscribes to the rest of the chain, and its reaction to the chain's
 * completion) the thread's {@link EventLoopHold} names the entry, for the
 * {@link EventLoopStallWatchdog} and the BlockHound attribution.
 *
 * <p>Runs on every request for every entry, so it is a hand-written operator: no locks,
 * and a handful of small objects per request (the {@code Mono}s and their subscribers).
 */
public final class MeasuredWebFilter implements WebFilter {

	private final String entryName;

	private final WebFilter delegate;

	private final EntryMetrics metrics;

	private final EventLoopHolder holder;

	// Spring's DefaultWebFilterChain asks every filter for toString() on every request
	// (its checkpoint's description), so the text is built once
	private final String description;

	/**
	 * Wrap an entry.
	 * @param entryName the entry's name in the stack
	 * @param delegate the entry's filter
	 * @param metrics the entry's figures
	 * @param watchdog the watchdog that reports the entry's stalls, or {@code null} when
	 * stalls are not watched
	 */
	public MeasuredWebFilter(String entryName, WebFilter delegate, EntryMetrics metrics,
			@Nullable EventLoopStallWatchdog watchdog) {
		Assert.hasText(entryName, "'entryName' must not be empty");
		Assert.notNull(delegate, "'delegate' must not be null");
		Assert.notNull(metrics, "'metrics' must not be null");
		this.entryName = entryName;
		this.delegate = delegate;
		this.metrics = metrics;
		this.holder = new EventLoopHolder(entryName, ClassUtils.getUserClass(delegate), watchdog);
		this.description = "MeasuredWebFilter[" + entryName + ": " + delegate + "]";
	}

	/**
	 * The entry's name in the stack.
	 * @return the name
	 */
	public String getEntryName() {
		return this.entryName;
	}

	/**
	 * The wrapped filter.
	 * @return the entry's filter
	 */
	public WebFilter getDelegate() {
		return this.delegate;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return new MeasuredMono(this, exchange, chain);
	}

	@Override
	public String toString() {
		return this.description;
	}

	/**
	 * The entry's work for one request, measured from subscription to termination.
	 */
	private static final class MeasuredMono extends Mono<Void> {

		private final MeasuredWebFilter filter;

		private final ServerWebExchange exchange;

		private final WebFilterChain chain;

		MeasuredMono(MeasuredWebFilter filter, ServerWebExchange exchange, WebFilterChain chain) {
			this.filter = filter;
			this.exchange = exchange;
			this.chain = chain;
		}

		@Override
		public void subscribe(CoreSubscriber<? super Void> actual) {
			new Measurement(this.filter, this.chain, actual).start(this.exchange);
		}

	}

	/**
	 * One subscription to the entry: the subscriber of the entry's {@code Mono}, the
	 * subscription handed to the caller, and the chain handed to the entry.
	 */
	private static final class Measurement implements CoreSubscriber<Void>, Subscription, WebFilterChain, Scannable {

		private static final AtomicIntegerFieldUpdater<Measurement> FINISHED = AtomicIntegerFieldUpdater
			.newUpdater(Measurement.class, "finished");

		private static final AtomicIntegerFieldUpdater<Measurement> DOWNSTREAM_ACTIVE = AtomicIntegerFieldUpdater
			.newUpdater(Measurement.class, "downstreamActive");

		private static final AtomicLongFieldUpdater<Measurement> DOWNSTREAM_NANOS = AtomicLongFieldUpdater
			.newUpdater(Measurement.class, "downstreamNanos");

		private final MeasuredWebFilter filter;

		private final WebFilterChain chain;

		private final CoreSubscriber<? super Void> actual;

		private @Nullable Subscription upstream;

		// the hold of the thread the entry was entered on, reused while the entry stays there
		private @Nullable EventLoopHold enteredHold;

		private long startNanos;

		private volatile int finished;

		// the rest of the chain: time any downstream subscription was active
		private volatile int downstreamActive;

		private volatile long downstreamSince;

		private volatile long downstreamNanos;

		Measurement(MeasuredWebFilter filter, WebFilterChain chain, CoreSubscriber<? super Void> actual) {
			this.filter = filter;
			this.chain = chain;
			this.actual = actual;
		}

		void start(ServerWebExchange exchange) {
			this.filter.metrics.requestStarted();
			long now = System.nanoTime();
			this.startNanos = now;
			EventLoopHold hold = EventLoopHold.ofCurrentThread();
			this.enteredHold = hold;
			EventLoopHolder previous = null;
			long previousSince = 0;
			if (hold != null) {
				previous = hold.holder();
				previousSince = hold.since();
				hold.hold(this.filter.holder, now);
			}
			try {
				Mono<Void> work;
				try {
					work = Objects.requireNonNull(this.filter.delegate.filter(exchange, this),
							"WebFilter returned null");
				}
				catch (Throwable ex) {
					finish(true);
					Operators.error(this.actual, Operators.onOperatorError(ex, this.actual.currentContext()));
					return;
				}
				work.subscribe(this);
			}
			finally {
				if (hold != null) {
					hold.hold(previous, previousSince);
				}
			}
		}

		/**
		 * The hold of the current thread: the one looked up on entry while the request
		 * stays on that thread, as it mostly does, which saves a thread-local lookup.
		 */
		@Nullable EventLoopHold currentHold() {
			EventLoopHold hold = this.enteredHold;
			return (hold != null && hold.isOfCurrentThread()) ? hold : EventLoopHold.ofCurrentThread();
		}

		// the chain handed to the entry: measures the rest of the chain

		@Override
		public Mono<Void> filter(ServerWebExchange exchange) {
			return new DownstreamMono(this, this.chain.filter(exchange));
		}

		void downstreamStarted(long now) {
			if (DOWNSTREAM_ACTIVE.getAndIncrement(this) == 0) {
				this.downstreamSince = now;
			}
		}

		void downstreamFinished(long now) {
			if (DOWNSTREAM_ACTIVE.decrementAndGet(this) == 0) {
				DOWNSTREAM_NANOS.addAndGet(this, now - this.downstreamSince);
			}
		}

		// the entry's Mono

		@Override
		public void onSubscribe(Subscription s) {
			if (Operators.validate(this.upstream, s)) {
				this.upstream = s;
				this.actual.onSubscribe(this);
			}
		}

		@Override
		public void onNext(Void unused) {
			// a Mono<Void> has no values
		}

		@Override
		public void onError(Throwable ex) {
			finish(true);
			this.actual.onError(ex);
		}

		@Override
		public void onComplete() {
			finish(false);
			this.actual.onComplete();
		}

		@Override
		public Context currentContext() {
			return this.actual.currentContext();
		}

		// the caller's subscription

		@Override
		public void request(long n) {
			Subscription s = this.upstream;
			if (s != null) {
				s.request(n);
			}
		}

		@Override
		public void cancel() {
			finish(false);
			Subscription s = this.upstream;
			if (s != null) {
				s.cancel();
			}
		}

		private void finish(boolean error) {
			if (!FINISHED.compareAndSet(this, 0, 1)) {
				return;
			}
			long end = System.nanoTime();
			long downstream = this.downstreamNanos;
			if (this.downstreamActive > 0) {
				downstream += end - this.downstreamSince;
			}
			this.filter.metrics.requestFinished(Math.max(0, end - this.startNanos - downstream), error);
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
				return this.finished == 1;
			}
			if (key == Attr.RUN_STYLE) {
				return Attr.RunStyle.SYNC;
			}
			if (key == Attr.NAME) {
				return "measured(" + this.filter.entryName + ")";
			}
			return null;
		}

	}

	/**
	 * The rest of the chain as the entry sees it: its time is not the entry's.
	 */
	private static final class DownstreamMono extends Mono<Void> {

		private final Measurement measurement;

		private final Mono<Void> source;

		DownstreamMono(Measurement measurement, Mono<Void> source) {
			this.measurement = measurement;
			this.source = source;
		}

		@Override
		public void subscribe(CoreSubscriber<? super Void> actual) {
			long now = System.nanoTime();
			this.measurement.downstreamStarted(now);
			DownstreamSubscriber subscriber = new DownstreamSubscriber(this.measurement, actual);
			EventLoopHolder holder = this.measurement.filter.holder;
			EventLoopHold hold = this.measurement.currentHold();
			if (hold == null || hold.holder() != holder) {
				this.source.subscribe(subscriber);
				return;
			}
			// the entry lets go of the thread while the rest of the chain runs
			long heldSoFar = now - hold.since();
			hold.release();
			try {
				this.source.subscribe(subscriber);
			}
			finally {
				hold.hold(holder, System.nanoTime() - heldSoFar);
			}
		}

	}

	/**
	 * Ends the measurement of the rest of the chain, and marks the thread as the entry's
	 * again while the entry reacts to the chain's completion.
	 */
	private static final class DownstreamSubscriber implements CoreSubscriber<Void>, Subscription, Scannable {

		private static final AtomicIntegerFieldUpdater<DownstreamSubscriber> DONE = AtomicIntegerFieldUpdater
			.newUpdater(DownstreamSubscriber.class, "done");

		private final Measurement measurement;

		private final CoreSubscriber<? super Void> actual;

		private @Nullable Subscription upstream;

		private volatile int done;

		DownstreamSubscriber(Measurement measurement, CoreSubscriber<? super Void> actual) {
			this.measurement = measurement;
			this.actual = actual;
		}

		@Override
		public void onSubscribe(Subscription s) {
			if (Operators.validate(this.upstream, s)) {
				this.upstream = s;
				this.actual.onSubscribe(this);
			}
		}

		@Override
		public void onNext(Void unused) {
			// a Mono<Void> has no values
		}

		@Override
		public void onError(Throwable ex) {
			long now = finished();
			EventLoopHold hold = this.measurement.currentHold();
			if (hold == null) {
				this.actual.onError(ex);
				return;
			}
			EventLoopHolder previous = hold.holder();
			long previousSince = hold.since();
			hold.hold(this.measurement.filter.holder, now);
			try {
				this.actual.onError(ex);
			}
			finally {
				hold.hold(previous, previousSince);
			}
		}

		@Override
		public void onComplete() {
			long now = finished();
			EventLoopHold hold = this.measurement.currentHold();
			if (hold == null) {
				this.actual.onComplete();
				return;
			}
			EventLoopHolder previous = hold.holder();
			long previousSince = hold.since();
			hold.hold(this.measurement.filter.holder, now);
			try {
				this.actual.onComplete();
			}
			finally {
				hold.hold(previous, previousSince);
			}
		}

		@Override
		public void request(long n) {
			Subscription s = this.upstream;
			if (s != null) {
				s.request(n);
			}
		}

		@Override
		public void cancel() {
			finished();
			Subscription s = this.upstream;
			if (s != null) {
				s.cancel();
			}
		}

		private long finished() {
			long now = System.nanoTime();
			if (DONE.compareAndSet(this, 0, 1)) {
				this.measurement.downstreamFinished(now);
			}
			return now;
		}

		@Override
		public Context currentContext() {
			return this.actual.currentContext();
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
				return this.done == 1;
			}
			if (key == Attr.RUN_STYLE) {
				return Attr.RunStyle.SYNC;
			}
			return null;
		}

	}

}
