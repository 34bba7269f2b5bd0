package io.asyncmiddleware.chain;

import java.util.ArrayList;
import java.util.List;

import io.asyncmiddleware.handler.ViewPhase;
import io.asyncmiddleware.request.RequestDataLimits;
import io.asyncmiddleware.request.RequestSlot;
import io.asyncmiddleware.request.StackExchange;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.util.Assert;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * The declared stack (Django's {@code MIDDLEWARE}) as the one {@code WebFilter} Spring's
 * chain runs in its place: the entries composed once into a {@link StackChain}, with
 * Django's response phase.
 *
 * <p>Entries that change the response just before it is committed ({@code beforeCommit})
 * run bottom to top, innermost first, as Django's {@code process_response} hooks do;
 * WebFlux alone runs such actions in the order they were registered, outermost first,
 * which would, for instance, list {@code Vary} values in the opposite order from Django.
 * When the view position runs at dispatch, after the stack, the entries are told so
 * ({@link ViewPhase#AVAILABLE}) and defer view-level refusals to it, as
 * Django's {@code process_view} does.
 */
public final class ComposedStackWebFilter implements WebFilter {

	// marks an exchange whose before-commit actions run innermost first; the value says
	// whether errors are answered inside the stack
	private static final RequestSlot<Boolean> INNERMOST_FIRST = RequestSlot
		.named(ComposedStackWebFilter.class.getName() + ".INNERMOST_FIRST");

	private final StackChain chain;

	private final ErrorResponses errors = new ErrorResponses();

	private volatile List<WebExceptionHandler> exceptionHandlers = List.of();

	private final boolean viewPhase;

	private final boolean filterEndpoints;

	private final String description;

	private RequestDataLimits requestDataLimits = RequestDataLimits.DJANGO_DEFAULTS;

	/**
	 * Composes the stack.
	 * @param entries the declared entries, in the order they run
	 * @param viewPhase whether the view position runs at dispatch, after the stack, before the
	 * handler
	 */
	public ComposedStackWebFilter(List<ChainEntry> entries, boolean viewPhase) {
		this(entries, viewPhase, false);
	}

	/**
	 * Composes the stack.
	 * @param entries the declared entries, in the order they run
	 * @param viewPhase whether the view position runs at dispatch, after the stack, before the
	 * handler
	 * @param filterEndpoints whether filters that may answer requests themselves (Spring
	 * Security's login, an application's {@code WebFilter} endpoint) run after the stack's
	 * first entry, so that unresolved unsafe requests are CSRF-checked
	 */
	public ComposedStackWebFilter(List<ChainEntry> entries, boolean viewPhase, boolean filterEndpoints) {
		this.chain = StackChain.of(entries, this.errors);
		this.viewPhase = viewPhase;
		this.filterEndpoints = filterEndpoints;
		this.description = "ComposedStackWebFilter" + this.chain.toString().substring("StackChain".length());
	}

	/**
	 * The composed entries.
	 * @return the chain
	 */
	public StackChain getChain() {
		return this.chain;
	}

	/**
	 * The same stack with one more entry just before the named one, for test support that
	 * must act at a given position (e.g. put a user into the session before
	 * {@code authentication} reads it). The stack built at startup is left as it is.
	 * @param name the name of the entry to insert before
	 * @param extra the entry to insert
	 * @return a new composed filter, or {@code null} when no entry has that name
	 */
	public @Nullable ComposedStackWebFilter withEntryBefore(String name, ChainEntry extra) {
		List<ChainEntry> entries = new ArrayList<>(this.chain.getEntries());
		for (int index = 0; index < entries.size(); index++) {
			if (entries.get(index).name().equals(name)) {
				entries.add(index, extra);
				ComposedStackWebFilter composed = new ComposedStackWebFilter(entries, this.viewPhase,
						this.filterEndpoints);
				composed.answerErrorsWith(this.exceptionHandlers);
				composed.requestDataLimits = this.requestDataLimits;
				return composed;
			}
		}
		return null;
	}

	/**
	 * Answers errors inside the stack with the application's exception handlers (those
	 * {@code WebHttpHandlerBuilder} collected, in their order): an error from the handler,
	 * a filter after the stack or an entry becomes a response at the position where it
	 * arrives, so that every entry above sees it as a response (Django's
	 * {@code convert_exception_to_response}). Without handlers, errors travel up the chain
	 * as they do in Spring's.
	 * @param handlers the exception handlers, in the order WebFlux applies them
	 */
	public void answerErrorsWith(List<WebExceptionHandler> handlers) {
		Assert.notNull(handlers, "'handlers' must not be null");
		this.exceptionHandlers = List.copyOf(handlers);
		this.errors.use(this.exceptionHandlers);
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		InnermostFirstResponse response = new InnermostFirstResponse(exchange.getResponse());
		StackExchange stack = new StackExchange(exchange, response, this.requestDataLimits);
		INNERMOST_FIRST.set(stack, Boolean.valueOf(this.errors.isActive()));
		if (this.viewPhase) {
			ViewPhase.AVAILABLE.set(stack, Boolean.TRUE);
		}
		if (this.filterEndpoints) {
			ViewPhase.FILTER_ENDPOINTS.set(stack, Boolean.TRUE);
		}
		return this.chain.filter(stack, chain, response);
	}

	/**
	 * Whether the exchange is inside a composed stack, whose entries' before-commit actions
	 * run innermost first, as Django's {@code process_response} hooks do. An entry that must
	 * act before an outer entry's own response step (messages before the session's save)
	 * can then rely on its commit action alone.
	 * @param exchange the exchange
	 * @return whether commit actions run innermost first
	 */
	public static boolean commitsInnermostFirst(ServerWebExchange exchange) {
		return INNERMOST_FIRST.get(exchange) != null;
	}

	/**
	 * Whether the exchange is inside a composed stack that answers errors where they arrive
	 * ({@link #answerErrorsWith}): an entry then sees every error from below as a response,
	 * and needs no error handling of its own for it.
	 * @param exchange the exchange
	 * @return whether errors from below reach entries as responses
	 */
	public static boolean answersErrorsInside(ServerWebExchange exchange) {
		return INNERMOST_FIRST.isTrue(exchange);
	}

	/**
	 * The limits within which the stack and the handler read form and multipart data
	 * (Django's DATA_UPLOAD_MAX_* settings); Django's defaults unless set.
	 * @param requestDataLimits the limits
	 */
	public void setRequestDataLimits(RequestDataLimits requestDataLimits) {
		this.requestDataLimits = requestDataLimits;
	}

	@Override
	public String toString() {
		return this.description;
	}

}
