package io.asyncmiddleware.benchmarks.jmh;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseCookie;
import org.springframework.http.server.reactive.AbstractServerHttpRequest;
import org.springframework.http.server.reactive.AbstractServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.SslInfo;
import org.springframework.http.support.Netty4HeadersAdapter;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpResponse;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The request and response a benchmark hands the application for each {@code GET}, made
 * on the loop per request.
 *
 * <ul>
 * <li>{@link #NETTY}, the default: headers over Netty's {@code DefaultHttpHeaders}, as
 * Reactor Netty's {@code ReactorServerHttpRequest} and {@code ReactorServerHttpResponse}
 * give them to Spring ({@link Netty4HeadersAdapter}): a header looked up by name costs
 * what it costs on a server (Netty hashes names case-insensitively in place).</li>
 * <li>{@link #MOCK}: Spring's test mocks, whose headers are a {@code LinkedCaseInsensitiveMap}
 * that lower-cases the name of every lookup into a new string: the benchmark's method
 * until 2026-12-06, kept to compare with the figures measured that way.</li>
 * </ul>
 */
enum ServerExchanges {

	NETTY {

		@Override
		ServerHttpRequest get(String uri) {
			return new NettyRequest(URI.create(uri));
		}

		@Override
		AbstractServerHttpResponse response() {
			return new NettyResponse();
		}

		@Override
		String body(AbstractServerHttpResponse response) {
			DataBuffer body = ((NettyResponse) response).body;
			return (body != null) ? body.toString(StandardCharsets.UTF_8) : "";
		}

	},

	MOCK {

		@Override
		ServerHttpRequest get(String uri) {
			return MockServerHttpRequest.get(uri).build();
		}

		@Override
		AbstractServerHttpResponse response() {
			return new MockServerHttpResponse();
		}

		@Override
		String body(AbstractServerHttpResponse response) {
			return ((MockServerHttpResponse) response).getBodyAsString().block();
		}

	};

	/**
	 * @param name {@code netty} or {@code mock}
	 * @return the exchanges of that name
	 */
	static ServerExchanges of(String name) {
		for (ServerExchanges exchanges : values()) {
			if (exchanges.name().equalsIgnoreCase(name)) {
				return exchanges;
			}
		}
		throw new IllegalArgumentException("No exchanges '" + name + "': netty or mock");
	}

	abstract ServerHttpRequest get(String uri);

	abstract AbstractServerHttpResponse response();

	/** The body written, once the response is complete; for checks, not the hot path. */
	abstract String body(AbstractServerHttpResponse response);

	private static HttpHeaders nettyHeaders() {
		return new HttpHeaders(new Netty4HeadersAdapter(new DefaultHttpHeaders()));
	}

	/** A bodiless request with Netty's headers, as {@code ReactorServerHttpRequest} has. */
	private static final class NettyRequest extends AbstractServerHttpRequest {

		NettyRequest(URI uri) {
			super(HttpMethod.GET, uri, null, nettyHeaders());
		}

		@Override
		protected MultiValueMap<String, HttpCookie> initCookies() {
			return new LinkedMultiValueMap<>();
		}

		@Override
		protected SslInfo initSslInfo() {
			return null;
		}

		@Override
		public Flux<DataBuffer> getBody() {
			return Flux.empty();
		}

		@Override
		@SuppressWarnings("unchecked")
		public <T> T getNativeRequest() {
			return (T) this;
		}

	}

	/**
	 * A response with Netty's headers, as {@code ReactorServerHttpResponse} has; its body is
	 * kept where a server would write it to the channel.
	 */
	private static final class NettyResponse extends AbstractServerHttpResponse {

		// kept as written, as Spring's mock keeps it: read only by the check of the first response
		private DataBuffer body;

		NettyResponse() {
			super(DefaultDataBufferFactory.sharedInstance, nettyHeaders());
		}

		@Override
		@SuppressWarnings("unchecked")
		public <T> T getNativeResponse() {
			return (T) this;
		}

		@Override
		protected Mono<Void> writeWithInternal(Publisher<? extends DataBuffer> body) {
			return DataBufferUtils.join(body).doOnNext((joined) -> this.body = joined).then();
		}

		@Override
		protected Mono<Void> writeAndFlushWithInternal(Publisher<? extends Publisher<? extends DataBuffer>> body) {
			return writeWithInternal(Flux.from(body).concatMap(Flux::from));
		}

		@Override
		protected void applyStatusCode() {
		}

		@Override
		protected void applyHeaders() {
		}

		@Override
		protected void applyCookies() {
			// as Reactor Netty's response: each cookie a Set-Cookie header
			for (List<ResponseCookie> cookies : getCookies().values()) {
				for (ResponseCookie cookie : cookies) {
					getHeaders().add(HttpHeaders.SET_COOKIE, cookie.toString());
				}
			}
		}

	}

}
