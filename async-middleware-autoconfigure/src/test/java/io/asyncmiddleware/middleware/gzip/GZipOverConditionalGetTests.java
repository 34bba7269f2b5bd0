package io.asyncmiddleware.middleware.gzip;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.asyncmiddleware.middleware.http.ConditionalGetWebFilter;
import io.netty.buffer.UnpooledByteBufAllocator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.NettyDataBuffer;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.DigestUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two entries in Django's order: {@code gzip} above {@code conditional-get}.
 */
class GZipOverConditionalGetTests {

	private static final String BIG = "abcdefghij".repeat(2000);

	private static final String BIG_ETAG = "\"" + DigestUtils.md5DigestAsHex(BIG.getBytes(StandardCharsets.US_ASCII)) + "\"";

	private final NettyDataBufferFactory nettyBuffers = new NettyDataBufferFactory(new UnpooledByteBufAllocator(false));

	private final List<NettyDataBuffer> written = new ArrayList<>();

	private final WebTestClient client = WebTestClient.bindToWebHandler((exchange) -> {
		ServerHttpResponse response = exchange.getResponse();
		response.getHeaders().setContentType(MediaType.TEXT_PLAIN);
		NettyDataBuffer buffer = this.nettyBuffers.wrap(this.nettyBuffers.getByteBufAllocator()
			.buffer()
			.writeBytes(BIG.getBytes(StandardCharsets.US_ASCII)));
		this.written.add(buffer);
		return response.writeWith(Mono.just(buffer));
	}).webFilter(new GZipWebFilter(true), new ConditionalGetWebFilter()).build();

	@Test
	@DisplayName("GZ-13: the ETag is computed on the uncompressed body and weakened by gzip")
	void etagOfUncompressedBodyWeakened() {
		EntityExchangeResult<byte[]> result = get(null);
		assertThat(result.getStatus()).isEqualTo(HttpStatus.OK);
		assertThat(result.getResponseHeaders().getETag()).isEqualTo("W/" + BIG_ETAG);
		assertThat(result.getResponseHeaders().getFirst(HttpHeaders.CONTENT_ENCODING)).isEqualTo("gzip");
		assertThat(result.getResponseHeaders().getFirst(HttpHeaders.VARY)).isEqualTo("Accept-Encoding");
		assertThat(GZipWebFilterTests.gunzip(result.getResponseBody())).isEqualTo(BIG);
	}

	@Test
	@DisplayName("GZ-13: the weak ETag sent back in If-None-Match gets a 304 without Vary: Accept-Encoding")
	void weakEtagGetsNotModified() {
		String etag = get(null).getResponseHeaders().getETag();
		EntityExchangeResult<byte[]> result = get(etag);
		assertThat(result.getStatus()).isEqualTo(HttpStatus.NOT_MODIFIED);
		assertThat(result.getResponseHeaders().containsHeader(HttpHeaders.VARY)).isFalse();
		assertThat(result.getResponseHeaders().containsHeader(HttpHeaders.CONTENT_ENCODING)).isFalse();
		assertThat(result.getResponseHeaders().getETag()).isEqualTo(BIG_ETAG);
		assertThat(result.getResponseBody()).isNullOrEmpty();
	}

	@Test
	@DisplayName("the handler's buffers are released, whether compressed or dropped for a 304")
	void releasesBuffers() {
		get(null);
		get(BIG_ETAG);
		assertThat(this.written).hasSize(2);
		assertThat(this.written).allSatisfy((buffer) -> assertThat(buffer.getNativeBuffer().refCnt()).isZero());
	}

	private EntityExchangeResult<byte[]> get(String ifNoneMatch) {
		return this.client.get()
			.uri("/big/")
			.headers((headers) -> {
				headers.set(HttpHeaders.ACCEPT_ENCODING, "gzip, deflate");
				if (ifNoneMatch != null) {
					headers.set(HttpHeaders.IF_NONE_MATCH, ifNoneMatch);
				}
			})
			.exchange()
			.expectBody(byte[].class)
			.returnResult();
	}

}
