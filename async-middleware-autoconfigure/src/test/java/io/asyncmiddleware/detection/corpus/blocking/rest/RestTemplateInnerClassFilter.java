package io.asyncmiddleware.detection.corpus.blocking.rest;

import io.asyncmiddleware.detection.corpus.Families;
import io.asyncmiddleware.detection.corpus.Label;
import io.asyncmiddleware.detection.corpus.Label.Expect;
import io.asyncmiddleware.detection.corpus.support.CorpusResources;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Calls a service in a method of an inner class instance held in a field.
 */
@Label(value = Expect.BLOCKING, family = Families.REST_TEMPLATE, reach = "inner class")
public class RestTemplateInnerClassFilter implements WebFilter {
	private final Remote remote = new Remote();

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		exchange.getAttributes().put("body", this.remote.body());
		return chain.filter(exchange);
	}

	class Remote {

		String body() {
			return CorpusResources.restTemplate().getForObject(CorpusResources.httpUri(), String.class);
		}

	}

}
