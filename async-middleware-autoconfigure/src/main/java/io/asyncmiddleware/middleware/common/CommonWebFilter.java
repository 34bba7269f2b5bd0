package io.asyncmiddleware.middleware.common;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import io.asyncmiddleware.chain.ComposedStackWebFilter;
import io.asyncmiddleware.chain.SynchronousRequestStep;
import io.asyncmiddleware.handler.HandlerResolver;
import io.asyncmiddleware.handler.NoAppendSlash;
import io.asyncmiddleware.middleware.AllowedHosts;
import io.asyncmiddleware.middleware.RequestUrl;
import io.asyncmiddleware.middleware.ResponseSnapshot;
import io.asyncmiddleware.middleware.WholeBodyResponseDecorator;
import io.asyncmiddleware.request.StackExchange;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.util.Assert;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Django's {@code CommonMiddleware}.
 *
 * <p>On the way in: a {@code User-Agent} that one of the disallowed patterns finds gets
 * {@code 403}; a {@code Host} not allowed gets {@code 400 Bad Request (400)}; with
 * PREPEND_WWW a host without {@code www.} gets a 301 to {@code www.<host>} (with the slash
 * appended in the same hop when APPEND_SLASH would apply).
 *
 * <p>On the way out: a 404 (a response, or the {@link ResponseStatusException} WebFlux
 * signals for a request no route matches) is replaced by a 301 to the path with a slash
 * appended, when APPEND_SLASH is on, the path does not route, the slashed path does, and its
 * handler is not {@link NoAppendSlash}. The 301 starts afresh: what inner entries put on the
 * 404 (headers, cookies, their before-commit actions) is dropped, as Django builds a new
 * response. A single-buffer body without {@code Content-Length} gets one; a streamed body is
 * left alone, and an existing value is kept.
 */
public final class CommonWebFilter implements WebFilter, SynchronousRequestStep {

	static final String FORBIDDEN_USER_AGENT = "<h1>403 Forbidden</h1>";

	static final String BAD_REQUEST = "Bad Request (400)";

	private final boolean appendSlash;

	private final boolean prependWww;

	private final List<Pattern> disallowedUserAgents;

	private final AllowedHosts allowedHosts;

	private final HandlerResolver handlerResolver;

	/**
	 * Creates the filter.
	 * @param appendSlash whether to redirect to the slashed path (Django: {@code APPEND_SLASH})
	 * @param prependWww whether to redirect to {@code www.<host>} (Django: {@code PREPEND_WWW})
	 * @param disallowedUserAgents user agents refused with 403 (Django: {@code DISALLOWED_USER_AGENTS})
	 * @param allowedHosts hosts served (Django: {@code ALLOWED_HOSTS})
	 * @param handlerResolver tells which paths route, and to which handler
	 */
	public CommonWebFilter(boolean appendSlash, boolean prependWww, List<Pattern> disallowedUserAgents,
			AllowedHosts allowedHosts, HandlerResolver handlerResolver) {
		Assert.notNull(disallowedUserAgents, "'disallowedUserAgents' must not be null");
		Assert.notNull(allowedHosts, "'allowedHosts' must not be null");
		Assert.notNull(handlerResolver, "'handlerResolver' must not be null");
		this.appendSlash = appendSlash;
		this.prependWww = prependWww;
		this.disallowedUserAgents = List.copyOf(disallowedUserAgents);
		this.allowedHosts = allowedHosts;
		this.handlerResolver = handlerResolver;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerWebExchange passed = passThrough(exchange);
		if (passed != null) {
			return chain.filter(passed);
		}
		ServerHttpRequest request = exchange.getRequest();
		ServerHttpResponse response = exchange.getResponse();
		if (isDisallowedUserAgent(request.getHeaders().getFirst(HttpHeaders.USER_AGENT))) {
			return refuse(response, HttpStatus.FORBIDDEN, FORBIDDEN_USER_AGENT);
		}
		String host = RequestUrl.rawHost(request);
		if (!this.allowedHosts.isAllowed(host)) {
			return refuse(response, HttpStatus.BAD_REQUEST, BAD_REQUEST);
		}
		if (redirectsToWww(host)) {
			return shouldAppendSlash(exchange).flatMap((slash) -> {
				response.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
				response.getHeaders().set(HttpHeaders.LOCATION, SlashRedirect.prependWww(request, host, slash));
				response.getHeaders().setContentLength(0);
				return response.setComplete();
			});
		}
		CommonResponse common = new CommonResponse(exchange);
		return chain.filter(StackExchange.withResponse(exchange, common))
			.onErrorResume(ResponseStatusException.class, (ex) -> {
				if (ex.getStatusCode().value() != HttpStatus.NOT_FOUND.value() || response.isCommitted()) {
					return Mono.error(ex);
				}
				return common.redirectIfSlashRoutes(() -> Mono.error(ex));
			});
	}

	private boolean isDisallowedUserAgent(@Nullable String userAgent) {
		return userAgent != null
				&& this.disallowedUserAgents.stream().anyMatch((pattern) -> pattern.matcher(userAgent).find());
	}

	private static Mono<Void> refuse(ServerHttpResponse response, HttpStatus status, String body) {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		response.setStatusCode(status);
		response.getHeaders().setContentType(MediaType.TEXT_HTML);
		response.getHeaders().setContentLength(bytes.length);
		return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(bytes)));
	}

	/** Django's {@code should_redirect_with_slash}. */
	/** Django's first test in should_redirect_with_slash: APPEND_SLASH on, no trailing slash. */
	private boolean mayAppendSlash(ServerWebExchange exchange) {
		return this.appendSlash && !exchange.getRequest().getPath().value().endsWith("/");
	}

	private Mono<Boolean> shouldAppendSlash(ServerWebExchange exchange) {
		if (!mayAppendSlash(exchange)) {
			return Mono.just(false);
		}
		String path = exchange.getRequest().getPath().value();
		String slashed = path + "/";
		return routes(exchange, path)
			.flatMap((routable) -> routable ? Mono.just(false) : routes(exchange, slashed))
			.flatMap((slashRoutes) -> slashRoutes ? allowsAppendSlash(exchange, slashed) : Mono.just(false));
	}

	/**
	 * Whether a path routes. Django resolves by path alone; a functional route that matches
	 * only another method says nothing, so the path is also tried as a GET.
	 */
	private Mono<Boolean> routes(ServerWebExchange exchange, String path) {
		return this.handlerResolver.isRoutable(exchange, path)
			.flatMap((routable) -> (routable || isGet(exchange)) ? Mono.just(routable)
					: this.handlerResolver.isRoutable(asGet(exchange), path));
	}

	private Mono<Boolean> allowsAppendSlash(ServerWebExchange exchange, String slashed) {
		ServerWebExchange slashedExchange = exchange.mutate().request((request) -> request.path(slashed)).build();
		return this.handlerResolver.resolve(slashedExchange)
			.flatMap((handler) -> (handler.isFound() || isGet(exchange)) ? Mono.just(handler)
					: this.handlerResolver.resolve(asGet(slashedExchange)))
			.map((handler) -> !handler.hasAnnotation(NoAppendSlash.class));
	}

	private static boolean isGet(ServerWebExchange exchange) {
		return HttpMethod.GET.equals(exchange.getRequest().getMethod());
	}

	private static ServerWebExchange asGet(ServerWebExchange exchange) {
		return exchange.mutate().request((request) -> request.method(HttpMethod.GET)).build();
	}

	/**
	 * The response inner entries and the handler write to: decides APPEND_SLASH on a 404
	 * and adds Content-Length to single-buffer bodies.
	 */
	/**
	 * In a stack that answers errors where they arrive, WebFlux's 404 for a request no route
	 * matches reaches this entry's response as a response: a request this entry does not
	 * refuse or redirect on the way in needs only the response decorator.
	 * @param exchange the exchange
	 * @return the exchange with this entry's response, or {@code null} when this entry
	 * answers on the way in or errors from below reach it as errors
	 */
	@Override
	public @Nullable ServerWebExchange passThrough(ServerWebExchange exchange) {
		if (!ComposedStackWebFilter.answersErrorsInside(exchange)) {
			return null;
		}
		ServerHttpRequest request = exchange.getRequest();
		if (isDisallowedUserAgent(request.getHeaders().getFirst(HttpHeaders.USER_AGENT))) {
			return null;
		}
		String host = RequestUrl.rawHost(request);
		if (!this.allowedHosts.isAllowed(host) || redirectsToWww(host)) {
			return null;
		}
		return StackExchange.withResponse(exchange, new CommonResponse(exchange));
	}

	// PREPEND_WWW applies to this host
	private boolean redirectsToWww(@Nullable String host) {
		return this.prependWww && host != null && !host.isEmpty() && !host.startsWith("www.");
	}

	private final class CommonResponse extends WholeBodyResponseDecorator {

		private final ServerWebExchange exchange;

		// what the redirect restores if it replaces the 404; none when no redirect can
		private final @Nullable ResponseSnapshot onEntry;

		/** Set once the 404 is replaced: inner entries' before-commit actions then do nothing. */
		private final AtomicBoolean replaced = new AtomicBoolean();

		CommonResponse(ServerWebExchange exchange) {
			super(exchange.getResponse());
			this.exchange = exchange;
			this.onEntry = mayAppendSlash(exchange) ? ResponseSnapshot.of(exchange.getResponse()) : null;
		}

		@Override
		public void beforeCommit(Supplier<? extends Mono<Void>> action) {
			if (this.onEntry == null) {
				super.beforeCommit(action);
				return;
			}
			super.beforeCommit(() -> this.replaced.get() ? Mono.empty() : action.get());
		}

		@Override
		public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
			if (body instanceof Mono<? extends DataBuffer> single) {
				// a body whose length is known needs nothing of this step unless it is a 404
				return (!isNotFound() && getHeaders().getContentLength() >= 0) ? super.writeWith(body)
						: receiveWhole(single);
			}
			if (!isNotFound()) {
				return super.writeWith(body);
			}
			return redirectIfSlashRoutes(() -> super.writeWith(body))
				.then(Mono.defer(() -> this.replaced.get() ? discard(body) : Mono.empty()));
		}

		@Override
		public Mono<Void> writeWhole(@Nullable DataBuffer body) {
			if (!isNotFound()) {
				return writeWholeWithContentLength(body);
			}
			return redirectIfSlashRoutes(() -> writeWholeWithContentLength(body)).then(Mono.fromRunnable(() -> {
				if (this.replaced.get() && body != null) {
					DataBufferUtils.release(body);
				}
			}));
		}

		@Override
		public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
			if (!isNotFound()) {
				return super.writeAndFlushWith(body);
			}
			return redirectIfSlashRoutes(() -> super.writeAndFlushWith(body))
				.then(Mono.defer(() -> this.replaced.get() ? Flux.from(body).concatMap(this::discard).then()
						: Mono.empty()));
		}

		@Override
		public Mono<Void> setComplete() {
			return isNotFound() ? redirectIfSlashRoutes(super::setComplete) : super.setComplete();
		}

		private boolean isNotFound() {
			if (this.onEntry == null) {
				return false;
			}
			HttpStatusCode status = getStatusCode();
			return status != null && status.value() == HttpStatus.NOT_FOUND.value();
		}

		/**
		 * Replaces the 404 by the APPEND_SLASH redirect if it applies, else carries on.
		 * @param otherwise what to do when no redirect applies
		 * @return completion
		 */
		Mono<Void> redirectIfSlashRoutes(Supplier<Mono<Void>> otherwise) {
			return shouldAppendSlash(this.exchange).flatMap((redirect) -> {
				ResponseSnapshot onEntry = this.onEntry;
				if (!redirect || onEntry == null || !this.replaced.compareAndSet(false, true)) {
					return otherwise.get();
				}
				ServerHttpResponse response = getDelegate();
				onEntry.restoreHeaders(response);
				onEntry.restoreCookies(response);
				response.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
				response.getHeaders().set(HttpHeaders.LOCATION, SlashRedirect.appendSlash(this.exchange.getRequest()));
				return response.setComplete();
			});
		}

		// Django's CommonMiddleware sets Content-Length on a non-streaming response
		private Mono<Void> writeWholeWithContentLength(@Nullable DataBuffer body) {
			if (getHeaders().getContentLength() < 0) {
				getHeaders().setContentLength((body != null) ? body.readableByteCount() : 0);
			}
			return writeWholeDown(body);
		}

		private Mono<Void> discard(Publisher<? extends DataBuffer> body) {
			return Flux.from(body).doOnNext(DataBufferUtils::release).then();
		}

	}

}
