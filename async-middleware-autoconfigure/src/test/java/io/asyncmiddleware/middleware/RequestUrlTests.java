package io.asyncmiddleware.middleware;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RequestUrl}.
 */
class RequestUrlTests {

	@Test
	@DisplayName("rawHost: the Host header as sent, even when it is malformed")
	void rawHostIsTheHostHeader() {
		assertThat(RequestUrl.rawHost(
				MockServerHttpRequest.get("http://testserver/").header(HttpHeaders.HOST, "evil.test:81").build()))
			.isEqualTo("evil.test:81");
		assertThat(RequestUrl.rawHost(
				MockServerHttpRequest.get("http://testserver/").header(HttpHeaders.HOST, "bad host!").build()))
			.isEqualTo("bad host!");
	}

	@Test
	@DisplayName("rawHost without Host: the URI's host, its port kept unless it is the scheme's default")
	void rawHostFallsBackToTheUri() {
		assertThat(RequestUrl.rawHost(MockServerHttpRequest.get("http://testserver/a").build())).isEqualTo("testserver");
		assertThat(RequestUrl.rawHost(MockServerHttpRequest.get("http://testserver:80/a").build()))
			.isEqualTo("testserver");
		assertThat(RequestUrl.rawHost(MockServerHttpRequest.get("https://testserver:443/a").build()))
			.isEqualTo("testserver");
		assertThat(RequestUrl.rawHost(MockServerHttpRequest.get("http://testserver:443/a").build()))
			.isEqualTo("testserver:443");
		assertThat(RequestUrl.rawHost(MockServerHttpRequest.get("http://testserver:8080/a").build()))
			.isEqualTo("testserver:8080");
		assertThat(RequestUrl.rawHost(MockServerHttpRequest.get("/a").build())).isNull();
	}

	@Test
	@DisplayName("host: null for a malformed Host whatever is allowed, and for a host not allowed")
	void hostIsValidated() {
		AllowedHosts allowed = new AllowedHosts(List.of("testserver"));
		assertThat(RequestUrl.host(
				MockServerHttpRequest.get("http://testserver/").header(HttpHeaders.HOST, "testserver:8080").build(),
				allowed))
			.isEqualTo("testserver:8080");
		assertThat(RequestUrl.host(
				MockServerHttpRequest.get("http://testserver/").header(HttpHeaders.HOST, "evil.test").build(), allowed))
			.isNull();
		assertThat(RequestUrl.host(
				MockServerHttpRequest.get("http://testserver/").header(HttpHeaders.HOST, "evil.test/x?").build(),
				AllowedHosts.ANY))
			.isNull();
		assertThat(RequestUrl.host(MockServerHttpRequest.get("/a").build(), AllowedHosts.ANY)).isNull();
	}

	@Test
	@DisplayName("port: the URI's, else the connection's local port")
	void port() {
		assertThat(RequestUrl.port(MockServerHttpRequest.get("http://testserver:8080/").build())).isEqualTo(8080);
		assertThat(RequestUrl.port(MockServerHttpRequest.get("http://testserver/")
			.localAddress(new InetSocketAddress("127.0.0.1", 9090))
			.build())).isEqualTo(9090);
	}

	@Test
	@DisplayName("decodedPath: percent-decoded as UTF-8, escaped slashes and percents included (Django's request.path)")
	void decodedPath() {
		assertThat(RequestUrl.decodedPath(request("/caf%C3%A9/a%20b"))).isEqualTo("/café/a b");
		assertThat(RequestUrl.decodedPath(request("/a%2Fb%25"))).isEqualTo("/a/b%");
	}

	// as received: the URI template of MockServerHttpRequest.get would encode the '%'
	private static MockServerHttpRequest request(String rawPath) {
		return MockServerHttpRequest.method(HttpMethod.GET, URI.create(rawPath)).build();
	}

}
