package io.asyncmiddleware.chain;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.util.Assert;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Entries composed once into one {@code WebFilter}: an array and an index continuation,
 * as Django's {@code load_middleware()} wraps each middleware around the handler built so
 * far. Per request there is one {@link RequestTimings timing record} and one small
 * object per entry the request reaches that runs as a {@code WebFilter}, which is at once
 * the entry's {@code Mono}, its subscriber and the chain the entry is handed, so a request
 * costs no {@code DefaultWebFilterChain} hop, {@code Mono.defer} or {@code checkpoint} per
 * entry. In a composed stack, entries that pass the request through
 * ({@link SynchronousRequestStep}) run in a loop before it, within the same object.
 *
 * <p>While an entry runs synchronous code on a non-blocking thread (its {@code filter}
 * call, its subscription until it subscribes to the rest of the chain, its reaction to
 * the chain's completion) the thread's
 * {@link io.asyncmiddleware.detection.runtime.EventLoopHold EventLoopHold} names the
 * entry, for the stall watchdog and the BlockHound attribution; each stretch is checked
 * against the entry's hold budget as the hold passes on. When the request leaves
 * the chain, each entry it reached gets its figures once: one request, its own time (the
 * time until its {@code Mono} terminated, minus the time the rest of the chain took),
 * whether it ended in an error.
 */
public final class StackChain implements WebFilter {

	private final ChainEntry[] entries;

	private final ErrorResponses errors;

	private final @Nullable PassingSteps steps;

	// Spring's DefaultWebFilterChain asks every filter for toString() on every request
	// (its checkpoint's description), so the text is built once
	private final String description;

	private StackChain(ChainEntry[] entries) {
		this(entries, new ErrorResponses(), false);
	}

	private StackChain(ChainEntry[] entries, ErrorResponses errors, boolean composed) {
		Assert.notEmpty(entries, "'entries' must not be empty");
		Assert.noNullElements(entries, "'entries' must not contain null");
		this.entries = entries;
		this.errors = errors;
		this.steps = composed ? PassingSteps.of(entries) : null;
		this.description = "StackChain" + Arrays.stream(entries).map(ChainEntry::name)
			.collect(Collectors.joining(", ", "[", "]"));
	}

	/**
	 * Composes entries, outermost first.
	 * @param entries the entries in the order they run
	 * @return the chain
	 */
	public static StackChain of(List<ChainEntry> entries) {
		return new StackChain(entries.toArray(new ChainEntry[0]));
	}

	/**
	 * Composes entries, outermost first.
	 * @param entries the entries in the order they run
	 * @return the chain
	 */
	public static StackChain of(ChainEntry... entries) {
		return new StackChain(entries.clone());
	}

	// the declared stack answers errors at each position once the exception handlers are
	// known, and runs its commit actions innermost first: there entries may pass requests
	// through synchronously
	static StackChain of(List<ChainEntry> entries, ErrorResponses errors) {
		return new StackChain(entries.toArray(new ChainEntry[0]), errors, true);
	}

	/**
	 * The entries, in the order they run.
	 * @return the entries
	 */
	public List<ChainEntry> getEntries() {
		return List.of(this.entries);
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return new EntryCall(new RequestTimings(this.entries, chain, this.errors, this.steps, null), 0, exchange);
	}

	// the composed stack's request, whose response is told when the request leaves
	Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain, InnermostFirstResponse response) {
		return new EntryCall(new RequestTimings(this.entries, chain, this.errors, this.steps, response), 0, exchange);
	}

	@Override
	public String toString() {
		return this.description;
	}

}
