package io.asyncmiddleware.middleware.gzip;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.assertj.core.api.Assertions.assertThat;

class GZipWebFilterTests {

	private static final String LONG = "a".repeat(500);

	private static final String CHUNK = "content ".repeat(30);

	@TempDir
	static Path files;

	private static final RouterFunction<ServerResponse> ROUTES = RouterFunctions.route()
		.GET("/long/", (request) -> ServerResponse.ok().contentType(MediaType.TEXT_PLAIN).bodyValue(LONG))
		.GET("/short/", (request) -> ServerResponse.ok().contentType(MediaType.TEXT_PLAIN).bodyValue("a".repeat(199)))
		.GET("/edge/", (request) -> ServerResponse.ok().contentType(MediaType.TEXT_PLAIN).bodyValue("a".repeat(200)))
		.GET("/stream/", (request) -> ServerResponse.ok()
			.contentType(MediaType.TEXT_PLAIN)
			.body(Flux.just(CHUNK, CHUNK, CHUNK, "end"), String.class))
		.GET("/stream/tiny/", (request) -> ServerResponse.ok()
			.contentType(MediaType.TEXT_PLAIN)
			.body(Flux.just("a", "b"), String.class))
		.GET("/async/", (request) -> ServerResponse.ok()
			.contentType(MediaType.TEXT_PLAIN)
			// buffered: on a loaded machine the writer may ask for the next chunk after the
			// next tick, which a bare interval answers with an overflow error
			.body(Flux.interval(Duration.ofMillis(5)).onBackpressureBuffer().take(5).map((i) -> CHUNK + i),
					String.class))
		.GET("/unicode/", (request) -> ServerResponse.ok()
			.contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
			.body(Flux.just("ĉeĥoŝanĝo € 😀 ".repeat(20), "日本語 ".repeat(40)), String.class))
		.GET("/file/", (request) -> ServerResponse.ok()
			.contentType(MediaType.TEXT_PLAIN)
			.body(BodyInserters.fromResource(new FileSystemResource(files.resolve("file.txt")))))
		.GET("/missing/", (request) -> ServerResponse.status(HttpStatus.NOT_FOUND)
			.contentType(MediaType.TEXT_PLAIN)
			.bodyValue(LONG))
		.GET("/deflate/", (request) -> ServerResponse.ok()
			.header(HttpHeaders.CONTENT_ENCODING, "deflate")
			.contentType(MediaType.TEXT_PLAIN)
			.bodyValue(LONG))
		.GET("/random/", (request) -> ServerResponse.ok()
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.bodyValue(randomBytes(500)))
		.GET("/etag/", (request) -> ServerResponse.ok().header(HttpHeaders.ETAG, "\"eggs\"").bodyValue(LONG))
		.GET("/etag/weak/", (request) -> ServerResponse.ok().header(HttpHeaders.ETAG, "W/\"eggs\"").bodyValue(LONG))
		.GET("/vary/", (request) -> ServerResponse.ok()
			.header(HttpHeaders.VARY, request.queryParam("vary").orElseThrow())
			.bodyValue(LONG))
		.GET("/sse/", (request) -> ServerResponse.ok()
			.contentType(MediaType.TEXT_EVENT_STREAM)
			.body(Flux.just(CHUNK, CHUNK), String.class))
		.build();

	private final WebTestClient client = client(true);

	@Test
	@DisplayName("GZ-01: 500 bytes with 'gzip, deflate' are compressed; Content-Length is the compressed length")
	void compressesBody() {
		EntityExchangeResult<byte[]> result = get("/long/", "gzip, deflate");
		HttpHeaders headers = result.getResponseHeaders();
		assertThat(headers.getFirst(HttpHeaders.CONTENT_ENCODING)).isEqualTo("gzip");
		assertThat(headers.getFirst(HttpHeaders.VARY)).isEqualTo("Accept-Encoding");
		assertThat(result.getResponseBody()).hasSizeLessThan(LONG.length());
		assertThat(headers.getContentLength()).isEqualTo(result.getResponseBody().length);
		assertThat(gunzip(result.getResponseBody())).isEqualTo(LONG);
	}

	@Test
	@DisplayName("GZ-02: a streamed body is compressed, without Content-Length")
	void compressesStream() {
		EntityExchangeResult<byte[]> result = get("/stream/", "gzip");
		assertThat(result.getResponseHeaders().getFirst(HttpHeaders.CONTENT_ENCODING)).isEqualTo("gzip");
		assertThat(result.getResponseHeaders().containsHeader(HttpHeaders.CONTENT_LENGTH)).isFalse();
		assertThat(result.getResponseHeaders().getFirst(HttpHeaders.VARY)).isEqualTo("Accept-Encoding");
		assertThat(gunzip(result.getResponseBody())).isEqualTo(CHUNK + CHUNK + CHUNK + "end");
	}

	@Test
	@DisplayName("GZ-02: a streamed body is compressed whatever its size, as Django's streaming responses")
	void compressesTinyStream() {
		EntityExchangeResult<byte[]> result = get("/stream/tiny/", "gzip");
		assertThat(result.getResponseHeaders().getFirst(HttpHeaders.CONTENT_ENCODING)).isEqualTo("gzip");
		assertThat(gunzip(result.getResponseBody())).isEqualTo("ab");
	}

	@Test
	@DisplayName("GZ-03: a body emitted over time is compressed chunk by chunk")
	void compressesAsyncStream() {
		EntityExchangeResult<byte[]> result = get("/async/", "gzip");
		assertThat(result.getResponseHeaders().getFirst(HttpHeaders.CONTENT_ENCODING)).isEqualTo("gzip");
		StringBuilder expected = new StringBuilder();
		for (int i = 0; i < 5; i++) {
			expected.append(CHUNK).append(i);
		}
		assertThat(gunzip(result.getResponseBody())).isEqualTo(expected.toString());
	}

	@Test
	@DisplayName("GZ-03: each chunk is flushed, so a client decodes what came so far")
	void flushesEachChunk() {
		GzipMember member = new GzipMember(3);
		byte[] first = member.flushChunk(CHUNK.getBytes(StandardCharsets.US_ASCII));
		try {
			assertThat(new String(inflateRaw(first, 10 + 4), StandardCharsets.US_ASCII)).isEqualTo(CHUNK);
		}
		finally {
			member.close();
		}
	}

	@Test
	@DisplayName("GZ-04: a Unicode stream is compressed as its UTF-8 bytes")
	void compressesUnicodeStream() {
		EntityExchangeResult<byte[]> result = get("/unicode/", "gzip");
		assertThat(result.getResponseHeaders().getFirst(HttpHeaders.CONTENT_ENCODING)).isEqualTo("gzip");
		assertThat(gunzip(result.getResponseBody())).isEqualTo("ĉeĥoŝanĝo € 😀 ".repeat(20) + "日本語 ".repeat(40));
	}

	@Test
	@DisplayName("GZ-05: a file is compressed, streamed without Content-Length")
	void compressesFile() throws IOException {
		String content = "line of a file\n".repeat(100);
		Files.writeString(files.resolve("file.txt"), content);
		EntityExchangeResult<byte[]> result = get("/file/", "gzip");
		assertThat(result.getResponseHeaders().getFirst(HttpHeaders.CONTENT_ENCODING)).isEqualTo("gzip");
		assertThat(result.getResponseHeaders().containsHeader(HttpHeaders.CONTENT_LENGTH)).isFalse();
		assertThat(gunzip(result.getResponseBody())).isEqualTo(content);
	}

	@Test
	@DisplayName("GZ-05: a file under 200 bytes (known Content-Length) is left alone")
	void leavesShortFile() throws IOException {
		Files.writeString(files.resolve("file.txt"), "short");
		EntityExchangeResult<byte[]> result = get("/file/", "gzip");
		assertThat(result.getResponseHeaders().containsHeader(HttpHeaders.CONTENT_ENCODING)).isFalse();
		assertThat(result.getResponseHeaders().containsHeader(HttpHeaders.VARY)).isFalse();
		assertThat(new String(result.getResponseBody(), StandardCharsets.US_ASCII)).isEqualTo("short");
	}

	@Test
	@DisplayName("GZ-06: a 404 body is compressed too")
	void compressesNotFound() {
		EntityExchangeResult<byte[]> result = get("/missing/", "gzip");
		assertThat(result.getStatus()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(result.getResponseHeaders().getFirst(HttpHeaders.CONTENT_ENCODING)).isEqualTo("gzip");
		assertThat(gunzip(result.getResponseBody())).isEqualTo(LONG);
	}

	@Test
	@DisplayName("GZ-07: a body under 200 bytes is not compressed and gets no Vary")
	void leavesShortBody() {
		EntityExchangeResult<byte[]> result = get("/short/", "gzip");
		assertThat(result.getResponseHeaders().containsHeader(HttpHeaders.CONTENT_ENCODING)).isFalse();
		assertThat(result.getResponseHeaders().containsHeader(HttpHeaders.VARY)).isFalse();
		assertThat(result.getResponseHeaders().getContentLength()).isEqualTo(199);
		assertThat(new String(result.getResponseBody(), StandardCharsets.US_ASCII)).isEqualTo("a".repeat(199));
	}

	@Test
	@DisplayName("GZ-07: a body of exactly 200 bytes is compressed")
	void compressesTwoHundredBytes() {
		EntityExchangeResult<byte[]> result = get("/edge/", "gzip");
		assertThat(result.getResponseHeaders().getFirst(HttpHeaders.CONTENT_ENCODING)).isEqualTo("gzip");
		assertThat(gunzip(result.getResponseBody())).isEqualTo("a".repeat(200));
	}

	@Test
	@DisplayName("GZ-08: an existing Content-Encoding: deflate is left alone, without Vary")
	void leavesEncodedBody() {
		EntityExchangeResult<byte[]> result = get("/deflate/", "gzip");
		assertThat(result.getResponseHeaders().getFirst(HttpHeaders.CONTENT_ENCODING)).isEqualTo("deflate");
		assertThat(result.getResponseHeaders().containsHeader(HttpHeaders.VARY)).isFalse();
		assertThat(new String(result.getResponseBody(), StandardCharsets.US_ASCII)).isEqualTo(LONG);
	}

	@Test
	@DisplayName("GZ-09: incompressible random bytes are sent uncompressed, Vary kept")
	void leavesIncompressibleBody() {
		EntityExchangeResult<byte[]> result = get("/random/", "gzip");
		assertThat(result.getResponseHeaders().containsHeader(HttpHeaders.CONTENT_ENCODING)).isFalse();
		assertThat(result.getResponseHeaders().getFirst(HttpHeaders.VARY)).isEqualTo("Accept-Encoding");
		assertThat(result.getResponseHeaders().getContentLength()).isEqualTo(500);
		assertThat(result.getResponseBody()).isEqualTo(randomBytes(500));
	}

	@Test
	@DisplayName("GZ-10: without random padding the output is deterministic, mtime 0 and no file name")
	void deterministicWithoutPadding() {
		WebTestClient unpadded = client(false);
		byte[] first = get(unpadded, "/long/", "gzip").getResponseBody();
		byte[] second = get(unpadded, "/long/", "gzip").getResponseBody();
		assertThat(first).isEqualTo(second);
		assertThat(first[3]).isEqualTo((byte) 0);
		assertThat(new byte[] { first[4], first[5], first[6], first[7] }).containsOnly(0);
		assertThat(gunzip(first)).isEqualTo(LONG);
	}

	@Test
	@DisplayName("GZ-11: the header has the FNAME flag and a file name of fewer than 100 'a' bytes")
	void paddedHeader() {
		Set<Integer> lengths = new HashSet<>();
		for (int i = 0; i < 20; i++) {
			byte[] body = get("/long/", "gzip").getResponseBody();
			assertThat(body[0] & 0xFF).isEqualTo(0x1F);
			assertThat(body[1] & 0xFF).isEqualTo(0x8B);
			assertThat(body[3]).isEqualTo((byte) 0x08);
			assertThat(new byte[] { body[4], body[5], body[6], body[7] }).containsOnly(0);
			int n = 0;
			while (body[10 + n] == 'a') {
				n++;
			}
			assertThat(body[10 + n]).isEqualTo((byte) 0);
			assertThat(n).isLessThan(100);
			lengths.add(n);
			assertThat(gunzip(body)).isEqualTo(LONG);
		}
		assertThat(lengths).as("padding lengths vary between identical responses").hasSizeGreaterThan(1);
	}

	@Test
	@DisplayName("GZ-11: streamed bodies carry the padded header too")
	void paddedStreamHeader() {
		byte[] body = get("/stream/", "gzip").getResponseBody();
		assertThat(body[3]).isEqualTo((byte) 0x08);
		int n = 0;
		while (body[10 + n] == 'a') {
			n++;
		}
		assertThat(body[10 + n]).isEqualTo((byte) 0);
	}

	@Test
	@DisplayName("GZ-12: a strong ETag becomes weak when compressed")
	void weakensStrongEtag() {
		EntityExchangeResult<byte[]> result = get("/etag/", "gzip");
		assertThat(result.getResponseHeaders().getETag()).isEqualTo("W/\"eggs\"");
	}

	@Test
	@DisplayName("GZ-12: a weak ETag is unchanged")
	void keepsWeakEtag() {
		assertThat(get("/etag/weak/", "gzip").getResponseHeaders().getETag()).isEqualTo("W/\"eggs\"");
	}

	@Test
	@DisplayName("GZ-12: an uncompressed response keeps its strong ETag")
	void keepsStrongEtagWithoutGzip() {
		assertThat(get("/etag/", "identity").getResponseHeaders().getETag()).isEqualTo("\"eggs\"");
	}

	@Test
	@DisplayName("GZ-14: Vary: Accept-Encoding is added even when the client does not accept gzip")
	void varyWithoutGzip() {
		EntityExchangeResult<byte[]> result = get("/long/", null);
		assertThat(result.getResponseHeaders().getFirst(HttpHeaders.VARY)).isEqualTo("Accept-Encoding");
		assertThat(result.getResponseHeaders().containsHeader(HttpHeaders.CONTENT_ENCODING)).isFalse();
		assertThat(new String(result.getResponseBody(), StandardCharsets.US_ASCII)).isEqualTo(LONG);
	}

	@Test
	@DisplayName("GZ-14: Vary: Accept-Encoding on a stream the client takes uncompressed")
	void varyOnUncompressedStream() {
		EntityExchangeResult<byte[]> result = get("/stream/", "br");
		assertThat(result.getResponseHeaders().getFirst(HttpHeaders.VARY)).isEqualTo("Accept-Encoding");
		assertThat(result.getResponseHeaders().containsHeader(HttpHeaders.CONTENT_ENCODING)).isFalse();
		assertThat(new String(result.getResponseBody(), StandardCharsets.US_ASCII)).isEqualTo(CHUNK + CHUNK + CHUNK + "end");
	}

	@ParameterizedTest
	@ValueSource(strings = { "gzip;q=0", "x-gzip-foo", "deflate, gzip", "br;q=1.0, gzip;q=0.5" })
	@DisplayName("GZ-14: the word gzip is enough, q-values ignored")
	void acceptsWordGzip(String acceptEncoding) {
		EntityExchangeResult<byte[]> result = get("/long/", acceptEncoding);
		assertThat(result.getResponseHeaders().getFirst(HttpHeaders.CONTENT_ENCODING)).isEqualTo("gzip");
	}

	@ParameterizedTest
	@ValueSource(strings = { "gzipped", "GZIP", "identity", "*", "%%%;;;,,,\u00e9", "" })
	@DisplayName("GZ-14: other (GZIP too: Django's match is case-sensitive) or garbage Accept-Encoding values get the body uncompressed, never an error")
	void refusesOtherValues(String acceptEncoding) {
		EntityExchangeResult<byte[]> result = get("/long/", acceptEncoding);
		assertThat(result.getStatus()).isEqualTo(HttpStatus.OK);
		assertThat(result.getResponseHeaders().containsHeader(HttpHeaders.CONTENT_ENCODING)).isFalse();
		assertThat(result.getResponseHeaders().getFirst(HttpHeaders.VARY)).isEqualTo("Accept-Encoding");
		assertThat(new String(result.getResponseBody(), StandardCharsets.US_ASCII)).isEqualTo(LONG);
	}

	@Test
	@DisplayName("an existing Vary is extended as Django's patch_vary_headers does")
	void extendsVary() {
		assertThat(get("/vary/?vary=Cookie", "gzip").getResponseHeaders().get(HttpHeaders.VARY))
			.containsExactly("Cookie, Accept-Encoding");
		assertThat(get("/vary/?vary=accept-encoding", "gzip").getResponseHeaders().get(HttpHeaders.VARY))
			.containsExactly("accept-encoding");
		assertThat(get("/vary/?vary=*", "gzip").getResponseHeaders().get(HttpHeaders.VARY)).containsExactly("*");
	}

	@Test
	@DisplayName("a server-sent event stream (writeAndFlushWith) is compressed progressively")
	void compressesServerSentEvents() {
		EntityExchangeResult<byte[]> result = get("/sse/", "gzip");
		assertThat(result.getResponseHeaders().getFirst(HttpHeaders.CONTENT_ENCODING)).isEqualTo("gzip");
		assertThat(gunzip(result.getResponseBody())).isEqualTo("data:" + CHUNK + "\n\ndata:" + CHUNK + "\n\n");
	}

	@Test
	@DisplayName("writeAndFlushWith from a handler is compressed, chunks and trailer in order")
	void compressesWriteAndFlushWith() {
		DefaultDataBufferFactory factory = DefaultDataBufferFactory.sharedInstance;
		WebTestClient client = WebTestClient
			.bindToWebHandler((exchange) -> exchange.getResponse()
				.writeAndFlushWith(Flux.just(CHUNK, "second").map((text) -> Mono.<DataBuffer>just(factory.wrap(text.getBytes(StandardCharsets.US_ASCII))))))
			.webFilter(new GZipWebFilter(true))
			.build();
		EntityExchangeResult<byte[]> result = get(client, "/", "gzip");
		assertThat(result.getResponseHeaders().getFirst(HttpHeaders.CONTENT_ENCODING)).isEqualTo("gzip");
		assertThat(gunzip(result.getResponseBody())).isEqualTo(CHUNK + "second");
	}

	@Test
	@DisplayName("a response without a body is left alone")
	void leavesEmptyResponse() {
		WebTestClient client = WebTestClient.bindToRouterFunction(RouterFunctions.route()
			.GET("/", (request) -> ServerResponse.noContent().build())
			.build()).webFilter(new GZipWebFilter(true)).build();
		EntityExchangeResult<byte[]> result = get(client, "/", "gzip");
		assertThat(result.getStatus()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(result.getResponseHeaders().containsHeader(HttpHeaders.CONTENT_ENCODING)).isFalse();
		assertThat(result.getResponseHeaders().containsHeader(HttpHeaders.VARY)).isFalse();
	}

	private EntityExchangeResult<byte[]> get(String uri, String acceptEncoding) {
		return get(this.client, uri, acceptEncoding);
	}

	private static EntityExchangeResult<byte[]> get(WebTestClient client, String uri, String acceptEncoding) {
		return client.get()
			.uri(uri)
			.headers((headers) -> {
				if (acceptEncoding != null) {
					headers.set(HttpHeaders.ACCEPT_ENCODING, acceptEncoding);
				}
			})
			.exchange()
			.expectBody(byte[].class)
			.returnResult();
	}

	private static WebTestClient client(boolean randomPadding) {
		return WebTestClient.bindToRouterFunction(ROUTES).webFilter(new GZipWebFilter(randomPadding)).build();
	}

	static String gunzip(byte[] body) {
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] inflateRaw(byte[] member, int headerLength) {
		java.util.zip.Inflater inflater = new java.util.zip.Inflater(true);
		try {
			inflater.setInput(member, headerLength, member.length - headerLength);
			byte[] out = new byte[4096];
			int count = inflater.inflate(out);
			return java.util.Arrays.copyOf(out, count);
		}
		catch (java.util.zip.DataFormatException ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			inflater.end();
		}
	}

	private static byte[] randomBytes(int length) {
		byte[] bytes = new byte[length];
		new Random(42).nextBytes(bytes);
		return bytes;
	}

	// Expected values are what Python's re.search(r"\bgzip\b", value) gives, as Django
	// runs it: Python's \b is Unicode-aware, so "ägzip" does not match. Java's own \b is not
	// a reference here: it changed to ASCII word characters in JDK 19 (JDK-8264160)
	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "gzip|true", "deflate, gzip;q=1.0|true", "GZIP|false", "xgzip|false",
			"gzipx|false", "gzip-x|true", "x-gzip|true", "gzip_x|false", "br;q=0.5,gzip|true", "''|false",
			"identity|false", "*|false", "g zip|false", "gzi|false", "ägzip|false", "gzipé|false",
			"gzip gzipx|true" })
	@DisplayName("Accept-Encoding is read as Django's \\bgzip\\b reads it")
	void acceptsGzipAsDjangosRegularExpression(String value, boolean expected) {
		HttpHeaders headers = new HttpHeaders();
		headers.add("Accept-Encoding", value);
		assertThat(GZipWebFilter.acceptsGzip(headers)).isEqualTo(expected);
	}

}
