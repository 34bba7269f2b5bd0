package io.asyncmiddleware.middleware.gzip;

import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.asyncmiddleware.middleware.http.ConditionalGetWebFilter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both entries on a real Reactor Netty server, in Django's order: the compression runs on
 * the event loop (BlockHound watches it) and Netty encodes what the entries decided.
 */
class GZipWebFilterIntegrationTests {

	private static final String BIG = "abcdefghij".repeat(2000);

	private static final RouterFunction<ServerResponse> ROUTES = RouterFunctions.route()
		.GET("/big/", (request) -> ServerResponse.ok().contentType(MediaType.TEXT_PLAIN).bodyValue(BIG))
		.GET("/slow-stream/", (request) -> ServerResponse.ok()
			.contentType(MediaType.TEXT_PLAIN)
			.body(Flux.range(0, 5).delayElements(Duration.ofMillis(20)).map((i) -> "chunk " + i + " " + BIG.substring(0, 300)),
					String.class))
		.build();

	private static DisposableServer server;

	private static WebTestClient client;

	@BeforeAll
	static void start() {
		HttpHandler handler = WebHttpHandlerBuilder.webHandler(RouterFunctions.toWebHandler(ROUTES))
			.filter(new GZipWebFilter(true), new ConditionalGetWebFilter())
			.build();
		server = HttpServer.create().host("127.0.0.1").port(0).handle(new ReactorHttpHandlerAdapter(handler)).bindNow();
		// Spring's default connector asks Reactor Netty to decompress; a plain client does not,
		// so the test sees the bytes sent
		client = WebTestClient.bindToServer(new ReactorClientHttpConnector(HttpClient.create()))
			.baseUrl("http://127.0.0.1:" + server.port())
			.responseTimeout(Duration.ofSeconds(10))
			.build();
	}

	@AfterAll
	static void stop() {
		server.disposeNow();
	}

	@Test
	@DisplayName("GZ-01: over Netty, a 20,000-byte body arrives compressed with the compressed Content-Length")
	void compressesOverNetty() {
		EntityExchangeResult<byte[]> result = get("/big/", null);
		assertThat(result.getResponseHeaders().getFirst(HttpHeaders.CONTENT_ENCODING)).isEqualTo("gzip");
		assertThat(result.getResponseHeaders().getContentLength()).isEqualTo(result.getResponseBody().length);
		assertThat(GZipWebFilterTests.gunzip(result.getResponseBody())).isEqualTo(BIG);
	}

	@Test
	@DisplayName("GZ-03: over Netty, a stream emitted over time arrives compressed, chunked")
	void compressesSlowStreamOverNetty() {
		EntityExchangeResult<byte[]> result = get("/slow-stream/", null);
		assertThat(result.getResponseHeaders().getFirst(HttpHeaders.CONTENT_ENCODING)).isEqualTo("gzip");
		assertThat(result.getResponseHeaders().containsHeader(HttpHeaders.CONTENT_LENGTH)).isFalse();
		String expected = IntStream.range(0, 5)
			.mapToObj((i) -> "chunk " + i + " " + BIG.substring(0, 300))
			.collect(Collectors.joining());
		assertThat(GZipWebFilterTests.gunzip(result.getResponseBody())).isEqualTo(expected);
	}

	@Test
	@DisplayName("GZ-13: over Netty, the weak ETag sent back gets a 304 without Vary or body")
	void notModifiedOverNetty() {
		String etag = get("/big/", null).getResponseHeaders().getETag();
		assertThat(etag).startsWith("W/\"");
		EntityExchangeResult<byte[]> result = get("/big/", etag);
		assertThat(result.getStatus()).isEqualTo(HttpStatus.NOT_MODIFIED);
		assertThat(result.getResponseHeaders().containsHeader(HttpHeaders.VARY)).isFalse();
		assertThat(result.getResponseBody()).isNullOrEmpty();
	}

	private static EntityExchangeResult<byte[]> get(String uri, String ifNoneMatch) {
		return client.get()
			.uri(uri)
			.headers((headers) -> {
				headers.set(HttpHeaders.ACCEPT_ENCODING, "gzip");
				if (ifNoneMatch != null) {
					headers.set(HttpHeaders.IF_NONE_MATCH, ifNoneMatch);
				}
			})
			.exchange()
			.expectBody(byte[].class)
			.returnResult();
	}

}
