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
 * Calls a service with RestClient in map.
 */
@Label(value = Expect.BLOCKING, family = Families.REST_TEMPLATE, reach = "lambda in map")
public class RestClientInMapFilter implements WebFilter {
	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return Mono.just(exchange).map((current) -> {
			String body = CorpusResources.restClient().get().uri(CorpusResources.httpUri()).retrieve().body(String.class);
			current.getAttributes().put("body", body);
			return current;
		}).flatMap(chain::filter);
	}

}
