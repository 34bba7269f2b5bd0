package io.asyncmiddleware.middleware.http;

import io.asyncmiddleware.chain.SynchronousRequestStep;
import io.asyncmiddleware.detection.NonBlocking;
import io.asyncmiddleware.request.StackExchange;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Django's {@code ConditionalGetMiddleware}, for GET requests only (as in Django 5.2: a
 * HEAD request's body is not the GET's, so no ETag can be computed from it).
 *
 * <p>A body written at once (a {@code Mono}, non-empty) gets {@code ETag: "<md5 hex>"}
 * unless the response has one or its {@code Cache-Control} has a {@code no-store}
 * directive; a streamed body ({@code Flux}) gets none. A 2xx response with an ETag or a
 * {@code Last-Modified} is then checked against {@code If-Match},
 * {@code If-Unmodified-Since}, {@code If-None-Match} and {@code If-Modified-Since} in RFC
 * 9110's order: a failed precondition becomes a bare 412, a matching validator a 304
 * that keeps only {@code Cache-Control}, {@code Content-Location}, {@code Date},
 * {@code ETag}, {@code Expires}, {@code Last-Modified}, {@code Vary} and the cookies.
 * Headers already on the response when the request reached this entry (from entries
 * above it) are kept too, as those entries would add them to Django's new response.
 */
@NonBlocking
public final class ConditionalGetWebFilter implements WebFilter, SynchronousRequestStep {

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerWebExchange passed = passThrough(exchange);
		if (passed == exchange) {
			return chain.filter(exchange);
		}
		// a handler that ends without writing leaves the completion to the server: do it here so
		// that its validators are checked too
		ServerHttpResponse response = passed.getResponse();
		return chain.filter(passed)
			.then(Mono.defer(() -> response.isCommitted() ? Mono.empty() : response.setComplete()));
	}

	/**
	 * The exchange whose response checks the request's preconditions, for a {@code GET}.
	 * @param exchange the exchange
	 * @return the exchange the rest of the chain gets
	 */
	@Override
	public ServerWebExchange passThrough(ServerWebExchange exchange) {
		if (!HttpMethod.GET.equals(exchange.getRequest().getMethod())) {
			return exchange;
		}
		ConditionalGetServerHttpResponse response = new ConditionalGetServerHttpResponse(exchange.getResponse(),
				exchange.getRequest());
		return StackExchange.withResponse(exchange, response);
	}

	/**
	 * A handler that ends without writing has its response completed where this entry
	 * decorated it, so that its validators are checked too.
	 * @return {@code true}
	 */
	@Override
	public boolean completesEmptyResponse() {
		return true;
	}

}
