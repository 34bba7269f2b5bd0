package io.asyncmiddleware.sample.web;

import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.WebSession;

/**
 * Session routes: a counter and a flush.
 */
@RestController
class SessionController {

	@GetMapping(path = "/session/", produces = MediaType.TEXT_PLAIN_VALUE)
	String increment(WebSession session) {
		Integer n = session.getAttributeOrDefault("n", 0) + 1;
		session.getAttributes().put("n", n);
		return n.toString();
	}

	@GetMapping(path = "/session/flush/", produces = MediaType.TEXT_PLAIN_VALUE)
	Mono<String> flush(WebSession session) {
		return session.invalidate().thenReturn("flushed");
	}

}
