package io.asyncmiddleware.chain;

import java.util.List;

import io.asyncmiddleware.handler.ViewPhase;
import reactor.core.publisher.Mono;

import org.springframework.web.server.ServerWebExchange;
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
 * When a view-phase filter runs after the stack, the entries are told so
 * ({@link ViewPhase#AVAILABLE_ATTRIBUTE}) and defer view-level refusals to it, as
 * Django's {@code process_view} does.
 */
public final class ComposedStackWebFilter implements WebFilter {

	private final StackChain chain;

	private final boolean viewPhase;

	private final String description;

	/**
	 * Composes the stack.
	 * @param entries the declared entries, in the order they run
	 * @param viewPhase whether a view-phase filter runs after the stack, before the
	 * handler
	 */
	public ComposedStackWebFilter(List<ChainEntry> entries, boolean viewPhase) {
		this.chain = StackChain.of(entries);
		this.viewPhase = viewPhase;
		this.description = "ComposedStackWebFilter" + this.chain.toString().substring("StackChain".length());
	}

	/**
	 * The composed entries.
	 * @return the chain
	 */
	public StackChain getChain() {
		return this.chain;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (this.viewPhase) {
			exchange.getAttributes().put(ViewPhase.AVAILABLE_ATTRIBUTE, Boolean.TRUE);
		}
		InnermostFirstResponse response = new InnermostFirstResponse(exchange.getResponse());
		return this.chain.filter(exchange.mutate().response(response).build(), chain);
	}

	@Override
	public String toString() {
		return this.description;
	}

}
