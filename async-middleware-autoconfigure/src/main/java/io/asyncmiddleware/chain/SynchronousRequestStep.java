package io.asyncmiddleware.chain;

import org.jspecify.annotations.Nullable;
import reactor.util.context.Context;

import org.springframework.web.server.ServerWebExchange;

/**
 * The shape of most of Django's middleware on most requests: a request step that returns
 * without an answer ({@code process_request} returning {@code None}), with the response
 * phase left to before-commit actions and response decorators. A {@code WebFilter} entry
 * that implements it lets the {@link StackChain} run its request phase in a plain loop
 * with the entries around it, without a {@code Mono} or a subscriber of its own.
 *
 * <p>The chain calls {@link #passThrough} only where the entry runs as written (not
 * hopped to a worker), and only inside a {@link ComposedStackWebFilter}: there every
 * before-commit action runs innermost first and, once the application's exception
 * handlers are known, every error becomes a response where it arrives. An entry that
 * needs more for a given request (an answer of its own, asynchronous work, an error path)
 * returns {@code null} and is run as a {@code WebFilter}.
 */
public interface SynchronousRequestStep {

	/**
	 * Runs the entry's request phase now, if this request needs nothing else of it.
	 * @param exchange the exchange the entry would get in {@code filter}
	 * @return the exchange the rest of the chain gets (the same or a decorated one), after
	 * the entry registered whatever its response phase needs; or {@code null}, having done
	 * nothing, when the entry must run as a {@code WebFilter} for this request
	 */
	@Nullable ServerWebExchange passThrough(ServerWebExchange exchange);

	/**
	 * Whether a request that passed through this entry, and whose rest of the chain
	 * completed without committing the response, has the response the entry decorated
	 * completed by the chain (as a filter would with
	 * {@code chain.filter(exchange).then(response.setComplete())}), so that its
	 * decorator sees an empty response too. Read once, at startup.
	 * @return whether the chain completes the decorated response
	 */
	default boolean completesEmptyResponse() {
		return false;
	}

	/**
	 * Whether the entry adds to the Reactor context of the rest of the chain
	 * ({@link #contextFor}). Read once, at startup.
	 * @return whether {@link #contextFor} is called
	 */
	default boolean writesContext() {
		return false;
	}

	/**
	 * The Reactor context the rest of the chain sees for a request this entry passed
	 * through, as {@code chain.filter(passed).contextWrite(...)} would give it; called
	 * right after {@link #passThrough}, when {@link #writesContext} says so.
	 * @param passed the exchange {@link #passThrough} returned
	 * @param context the context the rest would see otherwise
	 * @return the context for the rest of the chain
	 */
	default Context contextFor(ServerWebExchange passed, Context context) {
		return context;
	}

}
