package io.asyncmiddleware.sample.web;

import java.net.URI;

import io.asyncmiddleware.middleware.messages.Message;
import io.asyncmiddleware.middleware.messages.Messages;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * One-time messages (Django's {@code django.contrib.messages}): add one, show the pending
 * ones as text or as a page; showing consumes them.
 */
@Controller
class MessagesController {

	private static final URI SHOW = URI.create("/messages/show/");

	@GetMapping(path = "/messages/add/", produces = MediaType.TEXT_PLAIN_VALUE)
	@ResponseBody
	ResponseEntity<String> add(Messages messages, @RequestParam(defaultValue = "") String text) {
		messages.info(text);
		return ResponseEntity.status(HttpStatus.FOUND).location(SHOW).body("");
	}

	@GetMapping(path = "/messages/show/", produces = MediaType.TEXT_PLAIN_VALUE)
	@ResponseBody
	Mono<String> show(Messages messages) {
		return messages.read().map(Message::text).collectList().map((texts) -> String.join("\n", texts));
	}

	/**
	 * The messages view as a page (not a parity route).
	 */
	@GetMapping("/messages/")
	Mono<String> page(Messages messages, Model model) {
		return messages.read().collectList().flatMap((pending) -> {
			model.addAttribute("messages", pending);
			return Views.render("messages");
		});
	}

}
