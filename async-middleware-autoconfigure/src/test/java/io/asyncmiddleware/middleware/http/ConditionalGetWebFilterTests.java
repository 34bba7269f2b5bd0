package io.asyncmiddleware.middleware.http;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebHandler;

import static org.assertj.core.api.Assertions.assertThat;

class ConditionalGetWebFilterTests {

	private static final String HELLO_ETAG = "\"5d41402abc4b2a76b9719d911017c592\"";

	private static final ZonedDateTime LAST_MODIFIED = ZonedDateTime.of(2007, 10, 21, 23, 21, 47, 0, ZoneOffset.UTC);

	private static final String LAST_MODIFIED_TEXT = "Sun, 21 Oct 2007 23:21:47 GMT";

	private static final AtomicBoolean streamSubscribed = new AtomicBoolean();

	// A plain WebHandler: Spring's functional and annotated responses evaluate conditional
	// requests themselves (checkNotModified), which would hide this entry's work.
	private static final Map<String, Function<ServerWebExchange, Mono<Void>>> ROUTES = Map.ofEntries(
			Map.entry("/hello/", (exchange) -> text(exchange, HttpStatus.OK, "hello", (headers) -> {
			})),
			Map.entry("/world/", (exchange) -> text(exchange, HttpStatus.OK, "world", (headers) -> {
			})),
			Map.entry("/eggs/", (exchange) -> text(exchange, HttpStatus.OK, "hello",
					(headers) -> headers.set(HttpHeaders.ETAG, "eggs"))),
			Map.entry("/spam/", (exchange) -> text(exchange, HttpStatus.OK, "content",
					(headers) -> headers.set(HttpHeaders.ETAG, "\"spam\""))),
			Map.entry("/spam/weak/", (exchange) -> text(exchange, HttpStatus.OK, "content",
					(headers) -> headers.set(HttpHeaders.ETAG, "W/\"spam\""))),
			Map.entry("/stream/", (exchange) -> stream(exchange, (headers) -> {
			})),
			Map.entry("/stream/spam/", (exchange) -> stream(exchange,
					(headers) -> headers.set(HttpHeaders.ETAG, "\"spam\""))),
			Map.entry("/empty/", (exchange) -> exchange.getResponse().setComplete()),
			Map.entry("/empty/value/", (exchange) -> text(exchange, HttpStatus.OK, "", (headers) -> {
			})),
			Map.entry("/no-store/", (exchange) -> text(exchange, HttpStatus.OK, "hello",
					(headers) -> headers.set(HttpHeaders.CACHE_CONTROL, "No-Cache, No-Store, Max-age=0"))),
			Map.entry("/my-directive/", (exchange) -> text(exchange, HttpStatus.OK, "hello",
					(headers) -> headers.set(HttpHeaders.CACHE_CONTROL, "my-directive=\"my-no-store\""))),
			Map.entry("/redirect/", (exchange) -> {
				exchange.getResponse().setStatusCode(HttpStatus.MOVED_PERMANENTLY);
				exchange.getResponse().getHeaders().set(HttpHeaders.LOCATION, "/hello/");
				exchange.getResponse().getHeaders().set(HttpHeaders.ETAG, "\"spam\"");
				exchange.getResponse().getHeaders().setLastModified(LAST_MODIFIED);
				return exchange.getResponse().setComplete();
			}),
			Map.entry("/bad/", (exchange) -> text(exchange, HttpStatus.BAD_REQUEST, "bad", (headers) -> {
				headers.set(HttpHeaders.ETAG, "\"spam\"");
				headers.setLastModified(LAST_MODIFIED);
			})),
			Map.entry("/missing/", (exchange) -> text(exchange, HttpStatus.NOT_FOUND, "missing", (headers) -> {
			})),
			Map.entry("/modified/", (exchange) -> text(exchange, HttpStatus.OK, "content",
					(headers) -> headers.setLastModified(LAST_MODIFIED))),
			Map.entry("/modified/empty/", (exchange) -> {
				exchange.getResponse().getHeaders().setLastModified(LAST_MODIFIED);
				return exchange.getResponse().setComplete();
			}),
			Map.entry("/modified/silent/", (exchange) -> {
				// ends without writing or completing: the server completes the response
				exchange.getResponse().getHeaders().setLastModified(LAST_MODIFIED);
				return Mono.empty();
			}),
			Map.entry("/full/", (exchange) -> {
				exchange.getResponse().addCookie(ResponseCookie.from("key", "value").path("/").build());
				return text(exchange, HttpStatus.OK, "full content", (headers) -> {
					headers.set(HttpHeaders.CACHE_CONTROL, "public, max-age=60");
					headers.set(HttpHeaders.CONTENT_LOCATION, "/full/en/");
					headers.set(HttpHeaders.DATE, "Sat, 12 Feb 2011 17:38:44 GMT");
					headers.set(HttpHeaders.EXPIRES, "Sun, 13 Feb 2011 17:38:44 GMT");
					headers.setLastModified(LAST_MODIFIED);
					headers.set(HttpHeaders.VARY, "Cookie");
					headers.set(HttpHeaders.CONTENT_LANGUAGE, "en");
					headers.set("X-Custom", "dropped");
				});
			}),
			Map.entry("/put/", (exchange) -> text(exchange, HttpStatus.OK, "put",
					(headers) -> headers.set(HttpHeaders.ETAG, "\"spam\""))),
			Map.entry("/post/", (exchange) -> text(exchange, HttpStatus.OK, "posted",
					(headers) -> headers.set(HttpHeaders.ETAG, "\"spam\""))));

	private static final WebHandler HANDLER = (exchange) -> ROUTES
		.getOrDefault(exchange.getRequest().getPath().value(), (ex) -> text(ex, HttpStatus.NOT_FOUND, "", (h) -> {
		}))
		.apply(exchange);

	private final WebTestClient client = WebTestClient.bindToWebHandler(HANDLER)
		.webFilter(new ConditionalGetWebFilter())
		.build();

	static Mono<Void> text(ServerWebExchange exchange, HttpStatus status, String body, Consumer<HttpHeaders> headers) {
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(status);
		response.getHeaders().setContentType(MediaType.TEXT_PLAIN);
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		response.getHeaders().setContentLength(bytes.length);
		headers.accept(response.getHeaders());
		return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
	}

	private static Mono<Void> stream(ServerWebExchange exchange, Consumer<HttpHeaders> headers) {
		ServerHttpResponse response = exchange.getResponse();
		headers.accept(response.getHeaders());
		return response.writeWith(Flux.just("a", "b")
			.doOnSubscribe((s) -> streamSubscribed.set(true))
			.map((text) -> response.bufferFactory().wrap(text.getBytes(StandardCharsets.UTF_8))));
	}

	@Test
	@DisplayName("CG-01: a GET 200 with a body gets ETag \"<md5 of the body>\"")
	void addsEtag() {
		EntityExchangeResult<byte[]> result = get("/hello/", (headers) -> {
		});
		assertThat(result.getStatus()).isEqualTo(HttpStatus.OK);
		assertThat(result.getResponseHeaders().getETag()).isEqualTo(HELLO_ETAG);
		assertThat(body(result)).isEqualTo("hello");
	}

	@Test
	@DisplayName("CG-01: each body gets its own digest, response after response on one thread")
	void etagPerBody() {
		// the digest is reused per thread: nothing of one body may carry into the next
		for (int round = 0; round < 2; round++) {
			assertThat(get("/hello/", (headers) -> {
			}).getResponseHeaders().getETag()).isEqualTo(HELLO_ETAG);
			assertThat(get("/world/", (headers) -> {
			}).getResponseHeaders().getETag()).isEqualTo("\"7d793037a0760186574b0282f2f435e7\"");
		}
	}

	@Test
	@DisplayName("CG-02: an existing ETag (eggs) is kept")
	void keepsEtag() {
		assertThat(get("/eggs/", (headers) -> {
		}).getResponseHeaders().getETag()).isEqualTo("eggs");
	}

	@Test
	@DisplayName("CG-03: a streamed body gets no ETag")
	void noEtagForStream() {
		EntityExchangeResult<byte[]> result = get("/stream/", (headers) -> {
		});
		assertThat(result.getResponseHeaders().containsHeader(HttpHeaders.ETAG)).isFalse();
		assertThat(body(result)).isEqualTo("ab");
	}

	@Test
	@DisplayName("CG-04: an empty body gets no ETag")
	void noEtagForEmptyBody() {
		assertThat(get("/empty/", (headers) -> {
		}).getResponseHeaders().containsHeader(HttpHeaders.ETAG)).isFalse();
		assertThat(get("/empty/value/", (headers) -> {
		}).getResponseHeaders().containsHeader(HttpHeaders.ETAG)).isFalse();
	}

	@Test
	@DisplayName("CG-05: Cache-Control: No-Cache, No-Store, Max-age=0 gets no ETag")
	void noEtagWithNoStore() {
		assertThat(get("/no-store/", (headers) -> {
		}).getResponseHeaders().containsHeader(HttpHeaders.ETAG)).isFalse();
	}

	@Test
	@DisplayName("CG-06: Cache-Control: my-directive=\"my-no-store\" still gets an ETag")
	void etagWithOtherDirective() {
		assertThat(get("/my-directive/", (headers) -> {
		}).getResponseHeaders().getETag()).isEqualTo(HELLO_ETAG);
	}

	@Test
	@DisplayName("CG-07: If-None-Match: spam (unquoted) against a computed ETag → 200")
	void unquotedIfNoneMatch() {
		EntityExchangeResult<byte[]> result = get("/hello/", (headers) -> headers.set(HttpHeaders.IF_NONE_MATCH, "spam"));
		assertThat(result.getStatus()).isEqualTo(HttpStatus.OK);
		assertThat(body(result)).isEqualTo("hello");
	}

	@Test
	@DisplayName("CG-08: If-None-Match equal to the ETag → 304 without body")
	void matchingIfNoneMatch() {
		EntityExchangeResult<byte[]> result = get("/spam/", (headers) -> headers.set(HttpHeaders.IF_NONE_MATCH, "\"spam\""));
		assertThat(result.getStatus()).isEqualTo(HttpStatus.NOT_MODIFIED);
		assertThat(result.getResponseHeaders().getETag()).isEqualTo("\"spam\"");
		assertThat(result.getResponseBody()).isNullOrEmpty();
	}

	@Test
	@DisplayName("CG-08: If-None-Match equal to the computed ETag → 304")
	void matchingComputedEtag() {
		EntityExchangeResult<byte[]> result = get("/hello/", (headers) -> headers.set(HttpHeaders.IF_NONE_MATCH, HELLO_ETAG));
		assertThat(result.getStatus()).isEqualTo(HttpStatus.NOT_MODIFIED);
		assertThat(result.getResponseHeaders().getETag()).isEqualTo(HELLO_ETAG);
		assertThat(result.getResponseHeaders().containsHeader(HttpHeaders.CONTENT_TYPE)).isFalse();
	}

	@Test
	@DisplayName("CG-09: a different ETag → 200")
	void differentIfNoneMatch() {
		EntityExchangeResult<byte[]> result = get("/spam/", (headers) -> headers.set(HttpHeaders.IF_NONE_MATCH, "\"eggs\""));
		assertThat(result.getStatus()).isEqualTo(HttpStatus.OK);
		assertThat(body(result)).isEqualTo("content");
	}

	@Test
	@DisplayName("CG-10: a matching If-None-Match on a 301 or a 400 leaves the status alone")
	void ifNoneMatchOnNon2xx() {
		assertThat(get("/redirect/", (headers) -> headers.set(HttpHeaders.IF_NONE_MATCH, "\"spam\"")).getStatus())
			.isEqualTo(HttpStatus.MOVED_PERMANENTLY);
		EntityExchangeResult<byte[]> bad = get("/bad/", (headers) -> headers.set(HttpHeaders.IF_NONE_MATCH, "\"spam\""));
		assertThat(bad.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(body(bad)).isEqualTo("bad");
	}

	@Test
	@DisplayName("CG-10: a 404 with a body gets an ETag, as Django computes it before the status check")
	void etagOnNotFound() {
		EntityExchangeResult<byte[]> result = get("/missing/", (headers) -> headers.set(HttpHeaders.IF_NONE_MATCH, "*"));
		assertThat(result.getStatus()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(result.getResponseHeaders().containsHeader(HttpHeaders.ETAG)).isTrue();
	}

	@Test
	@DisplayName("CG-11: If-Modified-Since without Last-Modified → 200")
	void ifModifiedSinceWithoutLastModified() {
		assertThat(get("/hello/", (headers) -> headers.set(HttpHeaders.IF_MODIFIED_SINCE, LAST_MODIFIED_TEXT)).getStatus())
			.isEqualTo(HttpStatus.OK);
	}

	@Test
	@DisplayName("CG-12: If-Modified-Since equal to Last-Modified → 304")
	void ifModifiedSinceEqual() {
		EntityExchangeResult<byte[]> result = get("/modified/",
				(headers) -> headers.set(HttpHeaders.IF_MODIFIED_SINCE, LAST_MODIFIED_TEXT));
		assertThat(result.getStatus()).isEqualTo(HttpStatus.NOT_MODIFIED);
		assertThat(result.getResponseHeaders().getFirst(HttpHeaders.LAST_MODIFIED)).isEqualTo(LAST_MODIFIED_TEXT);
	}

	@Test
	@DisplayName("CG-12: Last-Modified earlier than If-Modified-Since → 304; later → 200")
	void ifModifiedSinceOrder() {
		assertThat(get("/modified/", (headers) -> headers.setIfModifiedSince(LAST_MODIFIED.plusSeconds(1))).getStatus())
			.isEqualTo(HttpStatus.NOT_MODIFIED);
		EntityExchangeResult<byte[]> later = get("/modified/",
				(headers) -> headers.setIfModifiedSince(LAST_MODIFIED.minusSeconds(1)));
		assertThat(later.getStatus()).isEqualTo(HttpStatus.OK);
		assertThat(body(later)).isEqualTo("content");
	}

	@Test
	@DisplayName("CG-12: the RFC 850 and asctime date forms count too")
	void ifModifiedSinceOtherDateForms() {
		assertThat(get("/modified/", (headers) -> headers.set(HttpHeaders.IF_MODIFIED_SINCE, "Sunday, 21-Oct-07 23:21:47 GMT"))
			.getStatus()).isEqualTo(HttpStatus.NOT_MODIFIED);
		assertThat(get("/modified/", (headers) -> headers.set(HttpHeaders.IF_MODIFIED_SINCE, "Sun Oct 21 23:21:47 2007"))
			.getStatus()).isEqualTo(HttpStatus.NOT_MODIFIED);
	}

	@Test
	@DisplayName("CG-12: a response completed without a body is evaluated too")
	void ifModifiedSinceWithoutBody() {
		assertThat(get("/modified/empty/", (headers) -> headers.set(HttpHeaders.IF_MODIFIED_SINCE, LAST_MODIFIED_TEXT))
			.getStatus()).isEqualTo(HttpStatus.NOT_MODIFIED);
	}

	@Test
	@DisplayName("CG-12: a handler that ends without completing the response is evaluated too")
	void ifModifiedSinceWithoutCompletion() {
		assertThat(get("/modified/silent/", (headers) -> headers.set(HttpHeaders.IF_MODIFIED_SINCE, LAST_MODIFIED_TEXT))
			.getStatus()).isEqualTo(HttpStatus.NOT_MODIFIED);
	}

	@Test
	@DisplayName("CG-12: If-None-Match present: If-Modified-Since is ignored")
	void ifNoneMatchWinsOverIfModifiedSince() {
		assertThat(get("/modified/", (headers) -> {
			headers.set(HttpHeaders.IF_NONE_MATCH, "\"other\"");
			headers.set(HttpHeaders.IF_MODIFIED_SINCE, LAST_MODIFIED_TEXT);
		}).getStatus()).isEqualTo(HttpStatus.OK);
	}

	@Test
	@DisplayName("CG-13: If-Modified-Since on a 301 or a 400 leaves the status alone")
	void ifModifiedSinceOnNon2xx() {
		assertThat(get("/redirect/", (headers) -> headers.set(HttpHeaders.IF_MODIFIED_SINCE, LAST_MODIFIED_TEXT))
			.getStatus()).isEqualTo(HttpStatus.MOVED_PERMANENTLY);
		assertThat(get("/bad/", (headers) -> headers.set(HttpHeaders.IF_MODIFIED_SINCE, LAST_MODIFIED_TEXT)).getStatus())
			.isEqualTo(HttpStatus.BAD_REQUEST);
	}

	@Test
	@DisplayName("CG-14: a 304 keeps Cache-Control, Content-Location, Date, ETag, Expires, Last-Modified, Vary and Set-Cookie only")
	void notModifiedHeaders() {
		EntityExchangeResult<byte[]> result = get("/full/",
				(headers) -> headers.set(HttpHeaders.IF_MODIFIED_SINCE, LAST_MODIFIED_TEXT));
		HttpHeaders headers = result.getResponseHeaders();
		assertThat(result.getStatus()).isEqualTo(HttpStatus.NOT_MODIFIED);
		assertThat(headers.getFirst(HttpHeaders.CACHE_CONTROL)).isEqualTo("public, max-age=60");
		assertThat(headers.getFirst(HttpHeaders.CONTENT_LOCATION)).isEqualTo("/full/en/");
		assertThat(headers.getFirst(HttpHeaders.DATE)).isEqualTo("Sat, 12 Feb 2011 17:38:44 GMT");
		assertThat(headers.getFirst(HttpHeaders.EXPIRES)).isEqualTo("Sun, 13 Feb 2011 17:38:44 GMT");
		assertThat(headers.getFirst(HttpHeaders.LAST_MODIFIED)).isEqualTo(LAST_MODIFIED_TEXT);
		assertThat(headers.getFirst(HttpHeaders.VARY)).isEqualTo("Cookie");
		assertThat(headers.getETag()).isEqualTo("\"" + md5("full content") + "\"");
		assertThat(headers.getFirst(HttpHeaders.SET_COOKIE)).startsWith("key=value");
		assertThat(headers.containsHeader(HttpHeaders.CONTENT_LANGUAGE)).isFalse();
		assertThat(headers.containsHeader(HttpHeaders.CONTENT_TYPE)).isFalse();
		assertThat(headers.containsHeader(HttpHeaders.CONTENT_LENGTH)).isFalse();
		assertThat(headers.containsHeader("X-Custom")).isFalse();
		assertThat(result.getResponseBody()).isNullOrEmpty();
	}

	@Test
	@DisplayName("CG-14: headers an entry above wrote before the request came down survive the 304")
	void notModifiedKeepsOuterHeaders() {
		WebTestClient client = WebTestClient.bindToWebHandler(HANDLER).webFilter((exchange, chain) -> {
			exchange.getResponse().getHeaders().set("X-Outer", "kept");
			return chain.filter(exchange);
		}, new ConditionalGetWebFilter()).build();
		EntityExchangeResult<byte[]> result = client.get()
			.uri("/spam/")
			.header(HttpHeaders.IF_NONE_MATCH, "\"spam\"")
			.exchange()
			.expectBody(byte[].class)
			.returnResult();
		assertThat(result.getStatus()).isEqualTo(HttpStatus.NOT_MODIFIED);
		assertThat(result.getResponseHeaders().getFirst("X-Outer")).isEqualTo("kept");
	}

	@Test
	@DisplayName("CG-15: PUT with a failing If-Match → the view's 200, never 412")
	void putIsUntouched() {
		EntityExchangeResult<byte[]> result = this.client.put()
			.uri("/put/")
			.header(HttpHeaders.IF_MATCH, "\"other\"")
			.exchange()
			.expectBody(byte[].class)
			.returnResult();
		assertThat(result.getStatus()).isEqualTo(HttpStatus.OK);
		assertThat(body(result)).isEqualTo("put");
	}

	@Test
	@DisplayName("CG-15: POST with a matching If-None-Match → the view's 200")
	void postIsUntouched() {
		EntityExchangeResult<byte[]> result = this.client.post()
			.uri("/post/")
			.header(HttpHeaders.IF_NONE_MATCH, "\"spam\"")
			.exchange()
			.expectBody(byte[].class)
			.returnResult();
		assertThat(result.getStatus()).isEqualTo(HttpStatus.OK);
		assertThat(body(result)).isEqualTo("posted");
	}

	@Test
	@DisplayName("CG-16: HEAD computes no ETag and is not evaluated, as in Django 5.2")
	void headIsUntouched() {
		EntityExchangeResult<Void> result = this.client.head()
			.uri("/hello/")
			.header(HttpHeaders.IF_NONE_MATCH, HELLO_ETAG)
			.exchange()
			.expectBody()
			.isEmpty();
		assertThat(result.getStatus()).isEqualTo(HttpStatus.OK);
		assertThat(result.getResponseHeaders().containsHeader(HttpHeaders.ETAG)).isFalse();
	}

	@Test
	@DisplayName("CG-17: GET with a non-matching If-Match → a bare 412")
	void failingIfMatch() {
		EntityExchangeResult<byte[]> result = get("/full/", (headers) -> headers.set(HttpHeaders.IF_MATCH, "\"other\""));
		assertThat(result.getStatus()).isEqualTo(HttpStatus.PRECONDITION_FAILED);
		assertThat(result.getResponseHeaders().headerNames()).doesNotContain(HttpHeaders.CONTENT_TYPE,
				HttpHeaders.ETAG, HttpHeaders.SET_COOKIE, HttpHeaders.CACHE_CONTROL, "X-Custom");
		assertThat(result.getResponseBody()).isNullOrEmpty();
	}

	@Test
	@DisplayName("CG-17: If-Match: the same strong tag or * passes; a weak target never matches a tag")
	void ifMatch() {
		assertThat(get("/spam/", (headers) -> headers.set(HttpHeaders.IF_MATCH, "\"eggs\", \"spam\"")).getStatus())
			.isEqualTo(HttpStatus.OK);
		assertThat(get("/spam/", (headers) -> headers.set(HttpHeaders.IF_MATCH, "*")).getStatus()).isEqualTo(HttpStatus.OK);
		assertThat(get("/spam/weak/", (headers) -> headers.set(HttpHeaders.IF_MATCH, "*")).getStatus())
			.isEqualTo(HttpStatus.OK);
		assertThat(get("/spam/weak/", (headers) -> headers.set(HttpHeaders.IF_MATCH, "W/\"spam\"")).getStatus())
			.isEqualTo(HttpStatus.PRECONDITION_FAILED);
		assertThat(get("/modified/empty/", (headers) -> headers.set(HttpHeaders.IF_MATCH, "*")).getStatus())
			.as("'*' needs an ETag").isEqualTo(HttpStatus.PRECONDITION_FAILED);
	}

	@Test
	@DisplayName("CG-17: If-Unmodified-Since earlier than Last-Modified → 412; equal or later → 200")
	void ifUnmodifiedSince() {
		assertThat(get("/modified/", (headers) -> headers.setIfUnmodifiedSince(LAST_MODIFIED.minusSeconds(1))).getStatus())
			.isEqualTo(HttpStatus.PRECONDITION_FAILED);
		assertThat(get("/modified/", (headers) -> headers.set(HttpHeaders.IF_UNMODIFIED_SINCE, LAST_MODIFIED_TEXT))
			.getStatus()).isEqualTo(HttpStatus.OK);
		assertThat(get("/modified/", (headers) -> headers.setIfUnmodifiedSince(LAST_MODIFIED.plusDays(1))).getStatus())
			.isEqualTo(HttpStatus.OK);
	}

	@Test
	@DisplayName("CG-17: If-Unmodified-Since without Last-Modified → 412; ignored when If-Match is present")
	void ifUnmodifiedSinceWithoutLastModified() {
		assertThat(get("/hello/", (headers) -> headers.set(HttpHeaders.IF_UNMODIFIED_SINCE, LAST_MODIFIED_TEXT))
			.getStatus()).isEqualTo(HttpStatus.PRECONDITION_FAILED);
		assertThat(get("/hello/", (headers) -> {
			headers.set(HttpHeaders.IF_MATCH, HELLO_ETAG);
			headers.set(HttpHeaders.IF_UNMODIFIED_SINCE, LAST_MODIFIED_TEXT);
		}).getStatus()).isEqualTo(HttpStatus.OK);
	}

	@Test
	@DisplayName("CG-18: If-None-Match W/\"spam\" matches ETag \"spam\" (weak comparison), and \"spam\" matches W/\"spam\"")
	void weakComparison() {
		assertThat(get("/spam/", (headers) -> headers.set(HttpHeaders.IF_NONE_MATCH, "W/\"spam\"")).getStatus())
			.isEqualTo(HttpStatus.NOT_MODIFIED);
		assertThat(get("/spam/weak/", (headers) -> headers.set(HttpHeaders.IF_NONE_MATCH, "\"spam\"")).getStatus())
			.isEqualTo(HttpStatus.NOT_MODIFIED);
		assertThat(get("/spam/", (headers) -> headers.set(HttpHeaders.IF_NONE_MATCH, "\"a\", W/\"spam\", \"b\"")).getStatus())
			.isEqualTo(HttpStatus.NOT_MODIFIED);
	}

	@Test
	@DisplayName("CG-18: If-None-Match * → 304 for any ETag")
	void ifNoneMatchAny() {
		assertThat(get("/hello/", (headers) -> headers.set(HttpHeaders.IF_NONE_MATCH, "*")).getStatus())
			.isEqualTo(HttpStatus.NOT_MODIFIED);
		assertThat(get("/modified/empty/", (headers) -> headers.set(HttpHeaders.IF_NONE_MATCH, "*")).getStatus())
			.as("no ETag, nothing to match").isEqualTo(HttpStatus.OK);
	}

	@Test
	@DisplayName("a streamed body with its own ETag is answered 304 without being subscribed")
	void streamWithEtag() {
		streamSubscribed.set(false);
		EntityExchangeResult<byte[]> result = get("/stream/spam/",
				(headers) -> headers.set(HttpHeaders.IF_NONE_MATCH, "\"spam\""));
		assertThat(result.getStatus()).isEqualTo(HttpStatus.NOT_MODIFIED);
		assertThat(streamSubscribed).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"unterminated", "W/", "***", ",,,", "\"a\"\"b\"", "\u00e9t\u00e9", "" })
	@DisplayName("garbage If-None-Match or If-Match values are ignored: 200, never an error")
	void garbageEntityTags(String value) {
		EntityExchangeResult<byte[]> ifNoneMatch = get("/hello/", (headers) -> headers.set(HttpHeaders.IF_NONE_MATCH, value));
		assertThat(ifNoneMatch.getStatus()).isEqualTo(HttpStatus.OK);
		assertThat(body(ifNoneMatch)).isEqualTo("hello");
		assertThat(get("/hello/", (headers) -> headers.set(HttpHeaders.IF_MATCH, value)).getStatus())
			.isEqualTo(HttpStatus.OK);
	}

	@ParameterizedTest
	@ValueSource(strings = { "not a date", "Sun, 99 Foo 2007 99:99:99 GMT", "0", "-1", "" })
	@DisplayName("garbage If-Modified-Since or If-Unmodified-Since values are ignored: 200, never an error")
	void garbageDates(String value) {
		assertThat(get("/modified/", (headers) -> headers.set(HttpHeaders.IF_MODIFIED_SINCE, value)).getStatus())
			.isEqualTo(HttpStatus.OK);
		assertThat(get("/modified/", (headers) -> headers.set(HttpHeaders.IF_UNMODIFIED_SINCE, value)).getStatus())
			.isEqualTo(HttpStatus.OK);
	}

	private EntityExchangeResult<byte[]> get(String uri, Consumer<HttpHeaders> headers) {
		return this.client.get().uri(uri).headers(headers).exchange().expectBody(byte[].class).returnResult();
	}

	private static String body(EntityExchangeResult<byte[]> result) {
		return new String(result.getResponseBody(), StandardCharsets.UTF_8);
	}

	private static String md5(String content) {
		return org.springframework.util.DigestUtils.md5DigestAsHex(content.getBytes(StandardCharsets.UTF_8));
	}

}
