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
 * Calls a service with RestTemplate.
 */
@Label(value = Expect.BLOCKING, family = Families.REST_TEMPLATE, reach = "direct")
public class RestTemplateDirectFilter implements WebFilter {
	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		exchange.getAttributes().put("body", CorpusResources.restTemplate().getForObject(CorpusResources.httpUri(), String.class));
		return chain.filter(exchange);
	}

}
