package io.asyncmiddleware.sample.web;

import io.asyncmiddleware.handler.CsrfExempt;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The CSRF routes: a form page whose hidden {@code csrfmiddlewaretoken} field the stack
 * fills, the protected POST, and a CSRF-exempt API.
 */
@Controller
class FormController {

	@GetMapping("/form/")
	Mono<String> form() {
		return Views.render("form");
	}

	@PostMapping(path = "/form/", produces = MediaType.TEXT_PLAIN_VALUE)
	@ResponseBody
	String post() {
		return "ok";
	}

	/**
	 * A page that drops the token (not a parity route): posting it shows Django's 403.
	 */
	@GetMapping("/form/without-token/")
	Mono<String> formWithoutToken() {
		return Views.render("form-without-token");
	}

	@CsrfExempt
	@PostMapping(path = "/api/exempt/", produces = MediaType.TEXT_PLAIN_VALUE)
	@ResponseBody
	String exempt() {
		return "ok";
	}

}
