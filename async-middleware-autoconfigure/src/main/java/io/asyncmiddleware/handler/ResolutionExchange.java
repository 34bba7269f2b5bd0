package io.asyncmiddleware.handler;

import java.util.HashMap;
import java.util.Map;

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

	private final Map<String, Object> attributes;

	private final ServerHttpResponse response;

	ResolutionExchange(ServerWebExchange delegate, ServerHttpRequest request) {
		super(delegate);
		this.request = request;
		this.attributes = new HashMap<>(delegate.getAttributes());
		// mappings record the matched pattern on the observation; it must describe the real dispatch
		this.attributes.remove(ServerRequestObservationContext.CURRENT_OBSERVATION_CONTEXT_ATTRIBUTE);
		this.attributes.remove(HandlerAnnotations.ATTRIBUTE);
		this.response = new DetachedResponse(delegate.getResponse());
	}

	@Override
	public ServerHttpRequest getRequest() {
		return this.request;
	}

	@Override
	public ServerHttpResponse getResponse() {
		return this.response;
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
