package io.asyncmiddleware.chain;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

import io.asyncmiddleware.detection.runtime.EventLoopHold;
import org.jspecify.annotations.Nullable;

import org.springframework.web.server.WebFilterChain;

/**
 * One request's passage through a {@link StackChain}: per entry, whether the request
 * reached it, when it last resumed its own work, its own time so far, and how many
 * subscriptions to the rest of the chain it has open. Folded into each entry's
 * {@link io.asyncmiddleware.metrics.EntryMetrics} once, when the request leaves the
 * chain.
 *
 * <p>Written by whichever thread signals (Reactive Streams orders the signals of one
 * request), so plain fields; only the fold is guarded, so that a cancellation racing a
 * completion counts the request once.
 */
final class RequestTimings {

	private static final VarHandle FOLDED;

	static {
		try {
			FOLDED = MethodHandles.lookup().findVarHandle(RequestTimings.class, "folded", int.class);
		}
		catch (ReflectiveOperationException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	// per entry, three slots: since, own time, status
	private static final int SLOTS = 3;

	private static final int SINCE = 0;

	private static final int OWN = 1;

	private static final int STATUS = 2;

	private static final long STARTED = 1;

	private static final long FINISHED = 2;

	private static final long ERROR = 4;

	// the count of open subscriptions to the rest of the chain, above the flags
	private static final long DOWNSTREAM_ONE = 8;

	final ChainEntry[] entries;

	/** What runs after the last entry: the rest of Spring's filters and the handler. */
	final WebFilterChain outer;

	/** Turns an error at a position into a response there (Django's convert_exception_to_response). */
	final ErrorResponses errors;

	/** The entries that may pass requests through; none outside a composed stack. */
	final @Nullable PassingSteps steps;

	private final long[] slots;

	/** The composed stack's response, told when the request leaves the stack; none outside one. */
	final @Nullable InnermostFirstResponse response;

	// the hold of the thread the request is on, kept while the request stays there
	private @Nullable EventLoopHold hold;

	@SuppressWarnings("unused") // accessed through FOLDED
	private volatile int folded;

	RequestTimings(ChainEntry[] entries, WebFilterChain outer, ErrorResponses errors,
			@Nullable PassingSteps steps, @Nullable InnermostFirstResponse response) {
		this.entries = entries;
		this.outer = outer;
		this.errors = errors;
		this.steps = steps;
		this.response = response;
		this.slots = new long[entries.length * SLOTS];
	}

	/**
	 * The hold of the current thread: the one looked up before while the request stays
	 * on that thread, as it mostly does, which saves a thread-local lookup per entry.
	 */
	@Nullable EventLoopHold currentHold() {
		EventLoopHold current = this.hold;
		if (current != null && current.isOfCurrentThread()) {
			return current;
		}
		current = EventLoopHold.ofCurrentThread();
		if (current != null) {
			this.hold = current;
		}
		return current;
	}

	/**
	 * The request reached position {@code index} (the length for the rest of the chain):
	 * the entry above stops its own clock while the position runs.
	 */
	void entered(int index, long now) {
		if (index > 0) {
			int above = (index - 1) * SLOTS;
			long status = this.slots[above + STATUS];
			if (status < DOWNSTREAM_ONE && (status & FINISHED) == 0) {
				this.slots[above + OWN] += now - this.slots[above + SINCE];
			}
			this.slots[above + STATUS] = status + DOWNSTREAM_ONE;
		}
		if (index < this.entries.length) {
			int at = index * SLOTS;
			long status = this.slots[at + STATUS];
			if ((status & STARTED) == 0 && this.folded == 0) {
				this.entries[index].metrics().requestStarted();
			}
			// entered again (the entry above subscribed twice): its clock runs again
			this.slots[at + STATUS] = (status | STARTED) & ~(FINISHED | ERROR);
			this.slots[at + SINCE] = now;
		}
	}

	/**
	 * Position {@code index} terminated or was cancelled: its clock stops, and the entry
	 * above resumes its own work once none of its subscriptions to the rest is open.
	 */
	void left(int index, long now, boolean error) {
		if (index < this.entries.length) {
			int at = index * SLOTS;
			long status = this.slots[at + STATUS];
			if ((status & STARTED) != 0 && (status & FINISHED) == 0) {
				if (status < DOWNSTREAM_ONE) {
					this.slots[at + OWN] += now - this.slots[at + SINCE];
				}
				this.slots[at + STATUS] = status | FINISHED | (error ? ERROR : 0);
			}
		}
		if (index > 0) {
			int above = (index - 1) * SLOTS;
			long status = this.slots[above + STATUS];
			if (status >= DOWNSTREAM_ONE) {
				status -= DOWNSTREAM_ONE;
				this.slots[above + STATUS] = status;
				if (status < DOWNSTREAM_ONE) {
					this.slots[above + SINCE] = now;
				}
			}
		}
	}

	/**
	 * The request left the chain: every entry it reached gets its figures, once.
	 */
	void fold(long now) {
		if (!FOLDED.compareAndSet(this, 0, 1)) {
			return;
		}
		for (int index = 0; index < this.entries.length; index++) {
			int at = index * SLOTS;
			long status = this.slots[at + STATUS];
			if ((status & STARTED) == 0) {
				// the request never got this deep, nor further
				return;
			}
			long own = this.slots[at + OWN];
			if ((status & FINISHED) == 0 && status < DOWNSTREAM_ONE) {
				// cancelled while the entry was working
				own += now - this.slots[at + SINCE];
			}
			this.entries[index].metrics().requestFinished(Math.max(0, own), (status & ERROR) != 0);
		}
	}

}
