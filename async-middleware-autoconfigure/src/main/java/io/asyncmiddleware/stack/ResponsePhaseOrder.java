package io.asyncmiddleware.stack;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.asyncmiddleware.handler.ViewPhase;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Gives the stack Django's response phase: entries that change the response just before
 * it is committed ({@code beforeCommit}) run bottom to top, innermost first, as Django's
 * {@code process_response} hooks do. WebFlux alone runs such actions in the order they
 * were registered, outermost first, which would, for instance, list {@code Vary} values
 * in the opposite order from Django.
 *
 * <p>Wraps the first filter of the stack block. When a view-phase filter runs after the
 * stack, it also tells the entries so ({@link ViewPhase#AVAILABLE_ATTRIBUTE}), and they
 * defer view-level refusals to it, as Django's {@code process_view} does. When filters
 * that may answer requests themselves run after the stack's first entry, it says that too
 * ({@link ViewPhase#FILTER_ENDPOINTS_ATTRIBUTE}).
 */
final class ResponsePhaseOrder implements WebFilter {

	private final WebFilter first;

	private final boolean viewPhase;

	private final boolean filterEndpoints;

	ResponsePhaseOrder(WebFilter first, boolean viewPhase, boolean filterEndpoints) {
		this.first = first;
		this.viewPhase = viewPhase;
		this.filterEndpoints = filterEndpoints;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (this.viewPhase) {
			exchange.getAttributes().put(ViewPhase.AVAILABLE_ATTRIBUTE, Boolean.TRUE);
		}
		if (this.filterEndpoints) {
			exchange.getAttributes().put(ViewPhase.FILTER_ENDPOINTS_ATTRIBUTE, Boolean.TRUE);
		}
		ServerHttpResponse response = new InnermostFirstResponse(exchange.getResponse());
		return this.first.filter(exchange.mutate().response(response).build(), chain);
	}

	/**
	 * Collects the actions entries register and runs them, at commit, newest first.
	 */
	private static final class InnermostFirstResponse extends ServerHttpResponseDecorator {

		private final List<Supplier<? extends Mono<Void>>> actions = new ArrayList<>();

		InnermostFirstResponse(ServerHttpResponse delegate) {
			super(delegate);
			delegate.beforeCommit(() -> Flux.fromIterable(takeActions()).concatMap(Supplier::get).then());
		}

		@Override
		public void beforeCommit(Supplier<? extends Mono<Void>> action) {
			synchronized (this.actions) {
				this.actions.add(0, action);
			}
		}

		private List<Supplier<? extends Mono<Void>>> takeActions() {
			synchronized (this.actions) {
				List<Supplier<? extends Mono<Void>>> taken = new ArrayList<>(this.actions);
				this.actions.clear();
				return taken;
			}
		}

	}

}
