package io.asyncmiddleware.autoconfigure.springsecurity;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Runs Spring Security's header filter with the headers the stack owns taken out of its
 * hands: whatever its writers do to those headers is undone right after they run, so the
 * stack's entries decide them alone (an {@code @XFrameOptionsExempt} route gets no
 * {@code X-Frame-Options}, {@code hsts-seconds: 0} no HSTS) and no header gets two values.
 * Its other headers (Cache-Control, Content-Security-Policy, ...) are written as before.
 */
final class StackOwnedHeadersWebFilter implements WebFilter {

	private final WebFilter springHeaders;

	private final List<String> owned;

	StackOwnedHeadersWebFilter(WebFilter springHeaders, List<String> owned) {
		this.springHeaders = springHeaders;
		this.owned = List.copyOf(owned);
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerWebExchange guarded = exchange.mutate().response(new Guarded(exchange.getResponse())).build();
		// the rest of the chain gets the exchange as it came
		return this.springHeaders.filter(guarded, (ignored) -> chain.filter(exchange));
	}

	WebFilter springHeaders() {
		return this.springHeaders;
	}

	@Override
	public String toString() {
		return "StackOwnedHeaders" + this.owned + "(" + this.springHeaders + ")";
	}

	private final class Guarded extends ServerHttpResponseDecorator {

		Guarded(ServerHttpResponse delegate) {
			super(delegate);
		}

		@Override
		public void beforeCommit(Supplier<? extends Mono<Void>> action) {
			super.beforeCommit(() -> Mono.defer(() -> {
				HttpHeaders headers = getHeaders();
				List<List<String>> before = new ArrayList<>(StackOwnedHeadersWebFilter.this.owned.size());
				for (String name : StackOwnedHeadersWebFilter.this.owned) {
					List<String> values = headers.get(name);
					before.add((values != null) ? List.copyOf(values) : null);
				}
				return action.get().then(Mono.fromRunnable(() -> restore(headers, before)));
			}));
		}

		private void restore(HttpHeaders headers, List<List<String>> before) {
			for (int i = 0; i < before.size(); i++) {
				String name = StackOwnedHeadersWebFilter.this.owned.get(i);
				List<String> values = before.get(i);
				if (values == null) {
					headers.remove(name);
				}
				else {
					headers.put(name, values);
				}
			}
		}

	}

}
