package io.asyncmiddleware.request;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.mock.web.server.MockWebSession;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebHandler;
import org.springframework.web.server.WebSession;
import org.springframework.web.server.handler.ExceptionHandlingWebHandler;
import org.springframework.web.reactive.handler.WebFluxResponseStatusExceptionHandler;

import static org.assertj.core.api.Assertions.assertThat;

class StackExchangeTests {

	private static final RequestDataLimits LIMITS = new RequestDataLimits(1000, 5, 2);

	// answers with the fields it read, or the refusal's status as WebFlux would answer it
	private final WebHandler handler = (exchange) -> data(exchange)
		.flatMap((text) -> exchange.getResponse()
			.writeWith(Mono.just(exchange.getResponse().bufferFactory().wrap(text.getBytes(StandardCharsets.UTF_8)))));

	private final WebTestClient client = WebTestClient
		.bindToWebHandler(new ExceptionHandlingWebHandler(this.handler,
				List.of(new WebFluxResponseStatusExceptionHandler())))
		.webFilter((exchange, chain) -> chain.filter(new StackExchange(exchange, LIMITS)))
		.build();

	private static Mono<String> data(ServerWebExchange exchange) {
		if (exchange.getRequest().getPath().value().equals("/multipart/")) {
			return exchange.getMultipartData().map(MultiValueMap::keySet).map(Object::toString);
		}
		return exchange.getFormData().map(Object::toString);
	}

	private WebTestClient.ResponseSpec postForm(String body) {
		return this.client.post().uri("/form/").contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.bodyValue(body).exchange();
	}

	@Test
	@DisplayName("a form within the limits is read as Spring reads it")
	void formWithinLimits() {
		postForm("a=1&b=x%20y&a=2&c").expectStatus().isOk().expectBody(String.class)
			.isEqualTo("{a=[1, 2], b=[x y], c=[null]}");
	}

	@Test
	@DisplayName("a form body whose Content-Length is over the limit is refused with 400 before it is read")
	void declaredTooBig() {
		AtomicBoolean read = new AtomicBoolean();
		Flux<DataBuffer> body = Flux.defer(() -> {
			read.set(true);
			return Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(new byte[1001]));
		});
		this.client.post().uri("/form/").contentType(MediaType.APPLICATION_FORM_URLENCODED).contentLength(1001)
			.body(BodyInserters.fromDataBuffers(body)).exchange()
			.expectStatus().isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(read).isFalse();
	}

	@Test
	@DisplayName("a form body without a length (chunked) over the limit is refused with 400")
	void chunkedTooBig() {
		Flux<DataBuffer> body = Flux.concat(Flux.just("x="), Flux.range(0, 30).map((i) -> "0123456789012345678901234567890123456789"))
			.map((text) -> DefaultDataBufferFactory.sharedInstance.wrap(text.getBytes(StandardCharsets.UTF_8)));
		this.client.post().uri("/form/").contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromDataBuffers(body)).exchange()
			.expectStatus().isEqualTo(HttpStatus.BAD_REQUEST);
	}

	@Test
	@DisplayName("too many fields is Django's TooManyFieldsSent: 400")
	void tooManyFields() {
		postForm("a=1&a=2&a=3&a=4&a=5").expectStatus().isOk();
		postForm("a=1&a=2&a=3&a=4&a=5&a=6").expectStatus().isEqualTo(HttpStatus.BAD_REQUEST);
	}

	@Test
	@DisplayName("bad percent-encoding in a form body is 400, not 500")
	void badEncoding() {
		postForm("a=%zz").expectStatus().isEqualTo(HttpStatus.BAD_REQUEST);
		postForm("a=%4").expectStatus().isEqualTo(HttpStatus.BAD_REQUEST);
	}

	// written by hand: the client's boundary generator reads /dev/urandom, which BlockHound flags
	private WebTestClient.ResponseSpec postMultipart(String... parts) {
		StringBuilder body = new StringBuilder();
		for (String part : parts) {
			body.append("--b0undary\r\n").append(part).append("\r\n");
		}
		body.append("--b0undary--\r\n");
		return this.client.post().uri("/multipart/")
			.contentType(MediaType.parseMediaType("multipart/form-data; boundary=b0undary"))
			.bodyValue(body.toString()).exchange();
	}

	private static String field(String name, String value) {
		return "Content-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value;
	}

	private static String file(String name) {
		return "Content-Disposition: form-data; name=\"" + name + "\"; filename=\"f.txt\"\r\n"
				+ "Content-Type: text/plain\r\n\r\nx";
	}

	@Test
	@DisplayName("multipart: within the limits it is read; too many files, too many parts, broken framing are 400")
	void multipart() {
		postMultipart(field("a", "1"), file("f")).expectStatus().isOk().expectBody(String.class).isEqualTo("[a, f]");
		postMultipart(file("f0"), file("f1"), file("f2")).expectStatus().isEqualTo(HttpStatus.BAD_REQUEST);
		postMultipart(field("a0", "1"), field("a1", "1"), field("a2", "1"), field("a3", "1"), field("a4", "1"),
				field("a5", "1"))
			.expectStatus().isEqualTo(HttpStatus.BAD_REQUEST);
		this.client.post().uri("/multipart/").header("Content-Type", "multipart/form-data; boundary=zzz")
			.bodyValue("--zzz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1").exchange()
			.expectStatus().isEqualTo(HttpStatus.BAD_REQUEST);
	}

	@Test
	@DisplayName("multipart: non-file fields over the memory limit are RequestDataTooBig: 400")
	void multipartFieldsTooBig() {
		postMultipart(field("a", "x".repeat(600)), field("b", "x".repeat(600)))
			.expectStatus().isEqualTo(HttpStatus.BAD_REQUEST);
	}

	@Test
	@DisplayName("a request that is not a form reads as an empty form and its body is left alone")
	void notAForm() {
		this.client.post().uri("/form/").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"a\":1}").exchange()
			.expectStatus().isOk().expectBody(String.class).isEqualTo("{}");
	}

	@Test
	@DisplayName("a response, session or principal given to the rest is a layer over the same exchange and state, not a decorator of a decorator")
	void layers() {
		RequestSlot<String> slot = RequestSlot.named(StackExchangeTests.class.getName() + ".layers");
		MockServerWebExchange underneath = MockServerWebExchange.from(MockServerHttpRequest.get("/"));
		StackExchange stack = new StackExchange(underneath, LIMITS);
		ServerHttpResponse inner = new ServerHttpResponseDecorator(stack.getResponse());
		WebSession session = new MockWebSession();
		Principal principal = () -> "alice";

		ServerWebExchange withSession = StackExchange.withSession(stack, () -> Mono.just(session));
		ServerWebExchange withPrincipal = StackExchange.withPrincipal(withSession, () -> Mono.just(principal));
		ServerWebExchange withResponse = StackExchange.withResponse(withPrincipal, inner);

		assertThat(withResponse).isInstanceOf(StackExchange.class);
		assertThat(((StackExchange) withResponse).getDelegate()).isSameAs(underneath);
		assertThat(withResponse.getResponse()).isSameAs(inner);
		assertThat(withResponse.getSession().block()).isSameAs(session);
		assertThat(withResponse.getPrincipal().block()).isSameAs(principal);
		// the layers above keep what they had
		assertThat(stack.getResponse()).isSameAs(underneath.getResponse());
		assertThat(withPrincipal.getResponse()).isSameAs(underneath.getResponse());
		assertThat(stack.getPrincipal().blockOptional()).isEmpty();
		assertThat(withSession.getPrincipal().blockOptional()).isEmpty();
		// one request state and one set of attributes for all of them
		slot.set(withResponse, "set below");
		assertThat(slot.get(stack)).isEqualTo("set below");
		assertThat(StackExchange.find(withResponse)).isSameAs(withResponse);
		withResponse.getAttributes().put("a", "1");
		assertThat(stack.<String>getAttribute("a")).isEqualTo("1");
	}

	@Test
	@DisplayName("outside the stack a response, session or principal is given as Spring's decorators give them")
	void outsideTheStack() {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/"));
		ServerHttpResponse inner = new ServerHttpResponseDecorator(exchange.getResponse());
		WebSession session = new MockWebSession();
		Principal principal = () -> "alice";

		ServerWebExchange given = StackExchange.withResponse(
				StackExchange.withPrincipal(StackExchange.withSession(exchange, () -> Mono.just(session)),
						() -> Mono.just(principal)),
				inner);

		assertThat(StackExchange.find(given)).isNull();
		assertThat(given.getResponse()).isSameAs(inner);
		assertThat(given.getSession().block()).isSameAs(session);
		assertThat(given.getPrincipal().block()).isSameAs(principal);
		assertThat(exchange.getResponse()).isNotSameAs(inner);
	}

}
