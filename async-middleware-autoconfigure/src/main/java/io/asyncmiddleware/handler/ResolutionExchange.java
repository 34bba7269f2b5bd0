package io.asyncmiddleware.handler;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.AbstractServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebExchangeDecorator;

/**
 * The exchange a {@link DefaultHandlerResolver} shows the handler mappings: the real
 * request (or one with another path), a private copy of the attributes and a detached
 * response. Mappings write attributes (best matching pattern, URI variables, the
 * functional {@code ServerRequest}) and, for CORS, response headers and a 403 status;
 * none of that may reach the real exchange, which {@code DispatcherHandler} maps again.
 */
final class ResolutionExchange extends ServerWebExchangeDecorator {

	private final ServerHttpRequest request;

	private final ResolutionAttributes attributes;

	// made when a mapping asks for it (CORS processing); most lookups never do
	private @Nullable DetachedResponse response;

	ResolutionExchange(ServerWebExchange delegate, ServerHttpRequest request) {
		super(delegate);
		this.request = request;
		// mappings record the matched pattern on the observation; it must describe the real
		// dispatch, which records it itself
		this.attributes = new ResolutionAttributes(delegate.getAttributes(),
				ServerRequestObservationContext.CURRENT_OBSERVATION_CONTEXT_ATTRIBUTE, HandlerAnnotations.ATTRIBUTE);
	}

	@Override
	public ServerHttpRequest getRequest() {
		return this.request;
	}

	@Override
	public ServerHttpResponse getResponse() {
		DetachedResponse response = this.response;
		if (response == null) {
			response = new DetachedResponse(getDelegate().getResponse());
			this.response = response;
		}
		return response;
	}

	/**
	 * Whether a mapping wrote to the response while looking the handler up (CORS
	 * processing adds {@code Vary} and may refuse with a status): then the lookup has
	 * effects that dispatch must have on the real response, and is not shared.
	 * @return whether the response was written to
	 */
	boolean wroteToResponse() {
		DetachedResponse response = this.response;
		return response != null && (response.getStatusCode() != null || !response.getHeaders().isEmpty()
				|| !response.getCookies().isEmpty());
	}

	/**
	 * The attributes the mappings added or replaced, for the real exchange when the lookup
	 * is shared with dispatch.
	 * @return the attributes, by name
	 */
	Map<String, Object> addedAttributes() {
		return this.attributes.written();
	}

	@Override
	public Map<String, Object> getAttributes() {
		return this.attributes;
	}

	/**
	 * A response that is never sent: whatever a mapping writes to it is dropped.
	 */
	private static final class DetachedResponse extends AbstractServerHttpResponse {

		DetachedResponse(ServerHttpResponse real) {
			super(real.bufferFactory());
		}

		@Override
		@SuppressWarnings("unchecked")
		public <T> T getNativeResponse() {
			return (T) this;
		}

		@Override
		protected Mono<Void> writeWithInternal(Publisher<? extends DataBuffer> body) {
			return Flux.from(body).doOnNext(DataBufferUtils::release).then();
		}

		@Override
		protected Mono<Void> writeAndFlushWithInternal(Publisher<? extends Publisher<? extends DataBuffer>> body) {
			return Flux.from(body).concatMap(Flux::from).doOnNext(DataBufferUtils::release).then();
		}

		@Override
		protected void applyStatusCode() {
		}

		@Override
		protected void applyHeaders() {
		}

		@Override
		protected void applyCookies() {
		}

	}

}
