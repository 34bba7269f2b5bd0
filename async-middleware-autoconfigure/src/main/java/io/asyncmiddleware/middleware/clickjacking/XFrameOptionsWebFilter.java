package io.asyncmiddleware.middleware.clickjacking;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

import io.asyncmiddleware.chain.ComposedStackWebFilter;
import io.asyncmiddleware.chain.SynchronousRequestStep;
import io.asyncmiddleware.handler.HandlerResolver;
import io.asyncmiddleware.middleware.DefaultHeader;
import io.asyncmiddleware.handler.ResolvedHandler;
import io.asyncmiddleware.handler.XFrameOptionsDeny;
import io.asyncmiddleware.handler.XFrameOptionsExempt;
import io.asyncmiddleware.handler.XFrameOptionsSameOrigin;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;
import org.springframework.util.Assert;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Django's {@code XFrameOptionsMiddleware}: adds {@code X-Frame-Options} to responses
 * that lack it, with the configured value unless the handler says otherwise:
 * {@link XFrameOptionsExempt} sends no header, {@link XFrameOptionsSameOrigin} and
 * {@link XFrameOptionsDeny} send their value. A header the handler set itself is kept.
 *
 * <p>The header is written just before the response commits; the handler is resolved only
 * then, and only when the response has no header yet. An error from below (a handler's
 * exception, no route) gets the header as it passes this entry, with the configured value
 * whatever the handler's annotations, as Django's decorators mark only the view's own
 * response; WebFlux's exception handlers, which render the error after the filters, keep it.
 */
public final class XFrameOptionsWebFilter implements WebFilter, SynchronousRequestStep {

	private final DefaultHeader defaultHeader;

	private final HandlerResolver handlerResolver;

	private final DefaultHeader denyHeader = header(Mode.DENY);

	private final DefaultHeader sameOriginHeader = header(Mode.SAMEORIGIN);

	/**
	 * Creates the filter.
	 * @param mode the header value for handlers without an annotation (Django: {@code X_FRAME_OPTIONS})
	 * @param handlerResolver resolves the handler whose annotations apply
	 */
	public XFrameOptionsWebFilter(Mode mode, HandlerResolver handlerResolver) {
		Assert.notNull(mode, "'mode' must not be null");
		Assert.notNull(handlerResolver, "'handlerResolver' must not be null");
		this.defaultHeader = header(mode);
		this.handlerResolver = handlerResolver;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerWebExchange passed = passThrough(exchange);
		if (passed != null) {
			return chain.filter(passed);
		}
		AtomicBoolean handled = new AtomicBoolean();
		exchange.getResponse().beforeCommit(() -> handled.compareAndSet(false, true) ? writeHeader(exchange) : Mono.empty());
		return chain.filter(exchange).onErrorResume((ex) -> {
			if (exchange.getResponse().isCommitted() || !handled.compareAndSet(false, true)) {
				return Mono.error(ex);
			}
			// Django turns the error into a response below this layer, and this layer decorates
			// it now: an outer entry that replaces it (APPEND_SLASH's 301) starts from a fresh
			// response without the header. The handler's annotations marked only its own
			// response, so the error response gets the configured value.
			this.defaultHeader.setOn(exchange.getResponse().getHeaders());
			return Mono.error(ex);
		});
	}

	/**
	 * In a stack that answers errors where they arrive, an error from below arrives as a
	 * response, committed once: the commit action alone writes the header.
	 * @param exchange the exchange
	 * @return the exchange, or {@code null} when errors from below reach this entry as
	 * errors
	 */
	@Override
	public @Nullable ServerWebExchange passThrough(ServerWebExchange exchange) {
		if (!ComposedStackWebFilter.answersErrorsInside(exchange)) {
			return null;
		}
		exchange.getResponse().beforeCommit(() -> writeHeader(exchange));
		return exchange;
	}

	private Mono<Void> writeHeader(ServerWebExchange exchange) {
		if (exchange.getResponse().getHeaders().containsHeader(XFrameOptionsServerHttpHeadersWriter.X_FRAME_OPTIONS)) {
			return Mono.empty();
		}
		// at commit the view phase has mostly resolved the handler already: decide at once,
		// without assembling operators around the lookup
		ResolvedHandler resolved = this.handlerResolver.resolvedNow(exchange);
		if (resolved != null) {
			writeHeader(exchange, resolved);
			return Mono.empty();
		}
		return this.handlerResolver.resolve(exchange).doOnNext((handler) -> writeHeader(exchange, handler)).then();
	}

	private void writeHeader(ServerWebExchange exchange, ResolvedHandler handler) {
		DefaultHeader header = headerFor(handler);
		if (header != null) {
			header.setOn(exchange.getResponse().getHeaders());
		}
	}

	private @Nullable DefaultHeader headerFor(ResolvedHandler handler) {
		if (handler.hasAnnotation(XFrameOptionsExempt.class)) {
			return null;
		}
		if (handler.hasAnnotation(XFrameOptionsDeny.class)) {
			return this.denyHeader;
		}
		if (handler.hasAnnotation(XFrameOptionsSameOrigin.class)) {
			return this.sameOriginHeader;
		}
		return this.defaultHeader;
	}

	/**
	 * The mode for a setting's value, compared ignoring case as Django upper-cases it.
	 * @param value the value, e.g. {@code sameorigin}
	 * @return the mode
	 * @throws IllegalArgumentException if the value is neither DENY nor SAMEORIGIN
	 */
	public static Mode mode(@Nullable String value) {
		String upperCase = (value != null) ? value.trim().toUpperCase(Locale.ROOT) : "";
		for (Mode mode : Mode.values()) {
			if (mode.name().equals(upperCase)) {
				return mode;
			}
		}
		throw new IllegalArgumentException("'" + value + "' is not an X-Frame-Options value. Valid values are: DENY, SAMEORIGIN");
	}

	private static DefaultHeader header(Mode mode) {
		return new DefaultHeader(XFrameOptionsServerHttpHeadersWriter.X_FRAME_OPTIONS, mode.name());
	}

}
