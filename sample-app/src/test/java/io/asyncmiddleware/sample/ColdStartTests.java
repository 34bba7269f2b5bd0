package io.asyncmiddleware.sample;

import io.asyncmiddleware.detection.runtime.EventLoopStallWatchdog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A default start of the application and the first requests a new user sends: a cold
 * JVM loads classes and compiles while it answers them, which the stall watchdog must not
 * report as an entry blocking the event loop (issue 15: "it must not cry wolf"). With
 * {@code warm-up-period=0s} and {@code warm-up-requests=0} the same requests log a WARN
 * for {@code spring-security} (33 ms on a 2 ms budget, in Micrometer's meter set-up).
 */
@ExtendWith(OutputCaptureExtension.class)
class ColdStartTests {

	@Test
	void firstRequestsOfADefaultStartLogNoStall(CapturedOutput output) {
		try (RunningApp app = RunningApp.start()) {
			// the assertion below means nothing if the watchdog is off
			assertThat(app.context().getBean(EventLoopStallWatchdog.class).isRunning()).isTrue();
			WebTestClient client = app.client();
			client.get().uri("/").exchange().expectStatus().isNotFound();
			client.get().uri("/hello/").exchange().expectStatus().isOk();
			client.get().uri("/accounts/login/").exchange().expectStatus().isOk();
			EntityExchangeResult<byte[]> page = client.get().uri("/form/").exchange().expectBody().returnResult();
			assertThat(page.getStatus().value()).isEqualTo(200);
			String cookie = "csrftoken=" + SetCookie.find(page.getResponseHeaders(), "csrftoken").value();
			client.post()
				.uri("/form/")
				.header(HttpHeaders.COOKIE, cookie)
				.body(BodyInserters
					.fromFormData(ParityRoutesTests.form("csrfmiddlewaretoken", ParityRoutesTests.tokenIn(page))))
				.exchange()
				.expectStatus()
				.isOk();
		}
		// closed: the watchdog thread has stopped, so it can log nothing more
		assertThat(output).doesNotContainPattern(" WARN .*held event loop");
	}

}
