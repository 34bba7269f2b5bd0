package io.asyncmiddleware.middleware.gzip;

import io.asyncmiddleware.middleware.VaryHeader;
import io.asyncmiddleware.middleware.WholeBodyResponseDecorator;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpResponse;

/**
 * The response as the layers below the {@code gzip} entry see it: the body they write is
 * compressed on its way out, as Django's {@code GZipMiddleware.process_response} does.
 */
final class GZipServerHttpResponse extends WholeBodyResponseDecorator {

	/** Django leaves shorter non-streaming bodies alone. */
	static final int MIN_LENGTH = 200;

	private static final String GZIP = "gzip";

	private final boolean acceptsGzip;

	private final GZipWebFilter filter;

	GZipServerHttpResponse(ServerHttpResponse delegate, boolean acceptsGzip, GZipWebFilter filter) {
		super(delegate);
		this.acceptsGzip = acceptsGzip;
		this.filter = filter;
	}

	@Override
	public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
		if (getHeaders().containsHeader(HttpHeaders.CONTENT_ENCODING)) {
			return super.writeWith(body);
		}
		if (body instanceof Mono<? extends DataBuffer> mono) {
			return receiveWhole(mono);
		}
		long contentLength = getHeaders().getContentLength();
		if (contentLength >= 0 && contentLength < MIN_LENGTH) {
			return super.writeWith(body);
		}
		if (!prepareStreaming()) {
			return super.writeWith(body);
		}
		GzipMember member = this.filter.newMember();
		Flux<DataBuffer> compressed = Flux.<DataBuffer>from(body)
			.map((buffer) -> compressChunk(member, buffer))
			.concatWith(Mono.fromCallable(() -> bufferFactory().wrap(member.finish())))
			.doFinally((signal) -> member.close());
		return super.writeWith(compressed);
	}

	@Override
	public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
		if (getHeaders().containsHeader(HttpHeaders.CONTENT_ENCODING) || !prepareStreaming()) {
			return super.writeAndFlushWith(body);
		}
		GzipMember member = this.filter.newMember();
		Flux<Flux<DataBuffer>> compressed = Flux.<Publisher<? extends DataBuffer>>from(body)
			.map((chunks) -> Flux.<DataBuffer>from(chunks).map((buffer) -> compressChunk(member, buffer)))
			.concatWith(Mono.fromCallable(() -> Flux.just(bufferFactory().wrap(member.finish()))))
			.doFinally((signal) -> member.close());
		return super.writeAndFlushWith(compressed);
	}

	@Override
	public Mono<Void> writeWhole(@Nullable DataBuffer buffer) {
		if (buffer == null || getHeaders().containsHeader(HttpHeaders.CONTENT_ENCODING)) {
			return writeWholeDown(buffer);
		}
		int length = buffer.readableByteCount();
		if (length < MIN_LENGTH) {
			return writeWholeDown(buffer);
		}
		VaryHeader.add(getHeaders(), HttpHeaders.ACCEPT_ENCODING);
		if (!this.acceptsGzip) {
			return writeWholeDown(buffer);
		}
		byte[] content = new byte[length];
		buffer.read(content);
		DataBufferUtils.release(buffer);
		byte[] compressed = GzipMember.compress(content, this.filter.paddingLength());
		if (compressed.length >= length) {
			return writeWholeDown(bufferFactory().wrap(content));
		}
		getHeaders().setContentLength(compressed.length);
		markCompressed(getHeaders());
		return writeWholeDown(bufferFactory().wrap(compressed));
	}

	/**
	 * Sets the headers of a streamed response.
	 * @return whether the body is to be compressed
	 */
	private boolean prepareStreaming() {
		HttpHeaders headers = getHeaders();
		VaryHeader.add(headers, HttpHeaders.ACCEPT_ENCODING);
		if (!this.acceptsGzip) {
			return false;
		}
		headers.remove(HttpHeaders.CONTENT_LENGTH);
		markCompressed(headers);
		return true;
	}

	private DataBuffer compressChunk(GzipMember member, DataBuffer buffer) {
		byte[] content = new byte[buffer.readableByteCount()];
		buffer.read(content);
		DataBufferUtils.release(buffer);
		return bufferFactory().wrap(member.flushChunk(content));
	}

	private static void markCompressed(HttpHeaders headers) {
		String etag = headers.getFirst(HttpHeaders.ETAG);
		if (etag != null && etag.startsWith("\"")) {
			headers.set(HttpHeaders.ETAG, "W/" + etag);
		}
		headers.set(HttpHeaders.CONTENT_ENCODING, GZIP);
	}


}
