package io.asyncmiddleware.handler;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

import io.asyncmiddleware.request.RequestSlot;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;

/**
 * Django's {@code process_view} short-circuit. Django refuses a request at view level
 * (the CSRF check, {@code @login_required}) after every middleware's request phase, so the
 * refusal passes back out through all of them: the CSRF 403 still gets
 * {@code X-Frame-Options}. An entry that refuses this way hands its response to the view
 * position instead of answering at its own place in the stack.
 *
 * <p>Fail-safe: the response is deferred only when the stack marked the exchange as going
 * on to the {@link ViewPhaseHandlerMapping view position} at dispatch; otherwise the entry
 * answers at once, so a refusal can never be skipped.
 */
public final class ViewPhase {

	/** Set by the stack when the view position runs at dispatch, before the handler. */
	public static final RequestSlot<Boolean> AVAILABLE = RequestSlot.named(ViewPhase.class.getName() + ".AVAILABLE");

	/**
	 * Set by the stack when filters that may answer a request themselves
	 * run after its first entry (Spring Security's chain with its login and logout, the
	 * application's own {@code WebFilter}s): a request that resolves no handler may then
	 * still be served, rather than end in Django's 404.
	 */
	public static final RequestSlot<Boolean> FILTER_ENDPOINTS = RequestSlot
		.named(ViewPhase.class.getName() + ".FILTER_ENDPOINTS");

	private static final RequestSlot<Function<ServerWebExchange, Mono<Void>>> RESPONSE = RequestSlot
		.named(ViewPhase.class.getName() + ".RESPONSE");

	private static final RequestSlot<List<BiFunction<ServerWebExchange, Throwable, Mono<Boolean>>>> EXCEPTION_STEPS = RequestSlot
		.named(ViewPhase.class.getName() + ".EXCEPTION_STEPS");

	private ViewPhase() {
	}

	/**
	 * Refuses the request at view level. When an entry above already refused, its
	 * refusal stands and this one is dropped (Django stops {@code process_view} at the
	 * first response); view-level steps should check {@link #refusal} and skip their work.
	 * @param exchange the current exchange
	 * @param chain the rest of the chain
	 * @param response writes the refusal (e.g. the CSRF 403 page)
	 * @return completes when the refusal is written, by the view position or at once
	 */
	public static Mono<Void> refuse(ServerWebExchange exchange, WebFilterChain chain,
			Function<ServerWebExchange, Mono<Void>> response) {
		if (!AVAILABLE.isTrue(exchange)) {
			// no view phase: answer here
			return response.apply(exchange);
		}
		// an earlier entry's refusal stands: Django stops process_view at the first response
		RESPONSE.setIfAbsent(exchange, response);
		return chain.filter(exchange);
	}

	/**
	 * Whether a filter after the stack may answer a request that resolves no handler.
	 * @param exchange the current exchange
	 * @return {@code true} when the stack said so ({@link #FILTER_ENDPOINTS})
	 */
	public static boolean mayBeServedByFilter(ServerWebExchange exchange) {
		return FILTER_ENDPOINTS.isTrue(exchange);
	}

	/**
	 * The refusal an entry deferred, if any: the view position writes it, and so does the
	 * stack in front of any filter after it that may answer a request itself, so that a
	 * refused request is never served by one.
	 * @param exchange the current exchange
	 * @return writes the refusal, or {@code null} when none is pending
	 */
	public static @Nullable Function<ServerWebExchange, Mono<Void>> refusal(ServerWebExchange exchange) {
		return RESPONSE.get(exchange);
	}

	/**
	 * Registers an entry's {@code process_exception} step for this request: when the
	 * handler (or a filter after the stack) fails and the stack answers errors itself,
	 * the steps run innermost first before the error is rendered, until one answers.
	 * @param exchange the current exchange
	 * @param step answers the error and says {@code true}, or says {@code false}
	 */
	public static void onViewException(ServerWebExchange exchange,
			BiFunction<ServerWebExchange, Throwable, Mono<Boolean>> step) {
		List<BiFunction<ServerWebExchange, Throwable, Mono<Boolean>>> steps = exceptionSteps(exchange);
		if (steps == null) {
			steps = new ArrayList<>(2);
			EXCEPTION_STEPS.set(exchange, steps);
		}
		steps.add(step);
	}

	/**
	 * Runs the registered {@code process_exception} steps, innermost first, until one
	 * answers.
	 * @param exchange the exchange whose response the answer is written to
	 * @param error the handler's error
	 * @return whether a step answered
	 */
	public static Mono<Boolean> processException(ServerWebExchange exchange, Throwable error) {
		List<BiFunction<ServerWebExchange, Throwable, Mono<Boolean>>> steps = exceptionSteps(exchange);
		if (steps == null) {
			return Mono.just(false);
		}
		Mono<Boolean> answered = Mono.just(false);
		for (int i = steps.size() - 1; i >= 0; i--) {
			BiFunction<ServerWebExchange, Throwable, Mono<Boolean>> step = steps.get(i);
			answered = answered.flatMap((done) -> done ? Mono.just(true) : step.apply(exchange, error));
		}
		return answered;
	}

	private static @Nullable List<BiFunction<ServerWebExchange, Throwable, Mono<Boolean>>> exceptionSteps(
			ServerWebExchange exchange) {
		return EXCEPTION_STEPS.get(exchange);
	}

}
