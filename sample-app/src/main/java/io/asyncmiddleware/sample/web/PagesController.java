package io.asyncmiddleware.sample.web;

import java.time.Duration;

import io.asyncmiddleware.handler.RequireHttpMethods;
import io.asyncmiddleware.handler.XFrameOptionsExempt;
import io.asyncmiddleware.handler.XFrameOptionsSameOrigin;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * The plain parity routes: no session, no form.
 */
@RestController
class PagesController {

	private static final String BIG = "abcdefghij".repeat(2_000);

	@GetMapping(path = "/hello/", produces = MediaType.TEXT_PLAIN_VALUE)
	String hello() {
		return "hello";
	}

	@GetMapping(path = "/big/", produces = MediaType.TEXT_PLAIN_VALUE)
	String big() {
		return BIG;
	}

	@GetMapping(path = "/etag/", produces = MediaType.TEXT_PLAIN_VALUE)
	String etag() {
		return "stable content";
	}

	/**
	 * Every method maps here (OPTIONS too: with no methods listed Spring answers OPTIONS
	 * itself), so that {@code @RequireHttpMethods} answers the others with 405.
	 */
	@RequireHttpMethods("GET")
	@RequestMapping(path = "/methods/", produces = MediaType.TEXT_PLAIN_VALUE,
			method = { RequestMethod.GET, RequestMethod.HEAD, RequestMethod.POST, RequestMethod.PUT,
					RequestMethod.PATCH, RequestMethod.DELETE, RequestMethod.OPTIONS, RequestMethod.TRACE })
	Mono<String> methods() {
		return Mono.just("get only");
	}

	/**
	 * Django: {@code await asyncio.sleep(0.05)}; no thread waits.
	 */
	@GetMapping(path = "/slow/", produces = MediaType.TEXT_PLAIN_VALUE)
	Mono<String> slow() {
		return Mono.delay(Duration.ofMillis(50)).thenReturn("slow");
	}

	@XFrameOptionsExempt
	@GetMapping(path = "/frame/exempt/", produces = MediaType.TEXT_PLAIN_VALUE)
	String frameExempt() {
		return "frame exempt";
	}

	@XFrameOptionsSameOrigin
	@GetMapping(path = "/frame/sameorigin/", produces = MediaType.TEXT_PLAIN_VALUE)
	String frameSameOrigin() {
		return "frame sameorigin";
	}

}
