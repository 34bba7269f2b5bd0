package io.asyncmiddleware.netty;

import java.time.Duration;
import java.util.Arrays;

import io.asyncmiddleware.EnableAutoConfigurationWithoutRedisOrSpringSecurity;
import io.asyncmiddleware.netty.RawHttpConnection.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conversations on one connection to the embedded Reactor Netty server of an application
 * on the starter, sent over a raw socket. Reactor Netty 1.3.8 leaves the pipelined ones
 * and the malformed request without an answer unless {@link PipelinedRequestHold} is in
 * its pipeline (with {@code async-middleware.netty.hold-pipelined-requests=false} those
 * tests fail), and logs the broken chunked body as a {@code 500 Server Error} unless
 * {@link ServerAnsweredExceptionHandler} is there.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class RawConversationsIntegrationTests {

	private static final int BIG = 8 * 1024 * 1024;

	@LocalServerPort
	private int port;

	@Test
	void aPipelinedRequestAskingToCloseIsAnsweredAfterASlowOne() throws Exception {
		try (RawHttpConnection connection = new RawHttpConnection(this.port)) {
			connection.send(RawHttpConnection.get("/slow/"),
					RawHttpConnection.get("/hello/", "Connection: close\r\n"));
			Response slow = connection.read();
			assertThat(slow.status()).isEqualTo(200);
			assertThat(slow.text()).isEqualTo("slow");
			// the first request did not ask to close: its answer keeps the connection
			assertThat(slow.closes()).isFalse();
			Response hello = connection.read();
			assertThat(hello.status()).isEqualTo(200);
			assertThat(hello.text()).isEqualTo("hello");
			assertThat(hello.closes()).isTrue();
			assertThat(connection.closedByServer()).isTrue();
		}
	}

	@Test
	void pipelinedRequestsAreAnsweredInOrder() throws Exception {
		try (RawHttpConnection connection = new RawHttpConnection(this.port)) {
			connection.send(RawHttpConnection.get("/slow/"), RawHttpConnection.get("/hello/"),
					RawHttpConnection.get("/slow/"), RawHttpConnection.get("/hello/", "Connection: close\r\n"));
			assertThat(Arrays.asList(connection.read().text(), connection.read().text(), connection.read().text(),
					connection.read().text()))
				.containsExactly("slow", "hello", "slow", "hello");
			assertThat(connection.closedByServer()).isTrue();
		}
	}

	@Test
	void aMalformedRequestReadWhileThePreviousResponseIsStillBeingWrittenGetsItsBadRequest() throws Exception {
		try (RawHttpConnection connection = new RawHttpConnection(this.port)) {
			connection.send(RawHttpConnection.get("/big/"));
			// the client reads nothing yet: the big response's write cannot complete, and the
			// server reads the next request meanwhile
			Thread.sleep(300);
			connection.send(RawHttpConnection.get("/hello/", "Bad Name: v\r\n"));
			Response big = connection.read();
			assertThat(big.status()).isEqualTo(200);
			assertThat(big.body()).hasSize(BIG);
			Response refused = connection.read();
			assertThat(refused.status()).isEqualTo(400);
			assertThat(refused.closes()).isTrue();
			assertThat(connection.closedByServer()).isTrue();
		}
	}

	@Test
	void aRequestSentAfterAnAnswerIsAnsweredOnTheSameConnection() throws Exception {
		try (RawHttpConnection connection = new RawHttpConnection(this.port)) {
			for (int i = 0; i < 3; i++) {
				connection.send(RawHttpConnection.get("/hello/"));
				Response hello = connection.read();
				assertThat(hello.text()).isEqualTo("hello");
				assertThat(hello.closes()).isFalse();
			}
		}
	}

	@Test
	void aBodyWhoseChunkedFramingBreaksWhileTheApplicationReadsItGetsNettysBadRequestAndNoServerError(
			CapturedOutput output) throws Exception {
		try (RawHttpConnection connection = new RawHttpConnection(this.port)) {
			connection.send("POST /echo/ HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\n"
					+ "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n");
			// the application is reading the body when the broken chunk size arrives
			Thread.sleep(300);
			connection.send("zz\r\nhello\r\n0\r\n\r\n");
			Response refused = connection.read();
			assertThat(refused.status()).isEqualTo(400);
			assertThat(refused.closes()).isTrue();
			assertThat(connection.closedByServer()).isTrue();
		}
		// the application's own answer comes after Netty's, and fails to commit: not a 500
		Thread.sleep(500);
		assertThat(output).doesNotContain("Status and headers already sent").doesNotContain("500 Server Error");
	}

	@SpringBootConfiguration
	@EnableAutoConfigurationWithoutRedisOrSpringSecurity
	static class App {

		@Bean
		RouterFunction<ServerResponse> routes() {
			byte[] big = new byte[BIG];
			return RouterFunctions.route()
				.GET("/hello/", (request) -> ServerResponse.ok().bodyValue("hello"))
				// answered from a timer thread, as a response that waits on I/O is
				.GET("/slow/", (request) -> Mono.delay(Duration.ofMillis(300))
					.flatMap((tick) -> ServerResponse.ok().bodyValue("slow")))
				.GET("/big/", (request) -> ServerResponse.ok().bodyValue(big))
				.POST("/echo/", (request) -> request.bodyToMono(String.class)
					.flatMap((body) -> ServerResponse.ok().bodyValue(body)))
				.build();
		}

	}

}
