package io.asyncmiddleware.detection.corpus.safe.rest;

import io.asyncmiddleware.detection.corpus.Families;
import io.asyncmiddleware.detection.corpus.Label;
import io.asyncmiddleware.detection.corpus.Label.Expect;
import io.asyncmiddleware.detection.corpus.support.CorpusResources;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Calls RestTemplate in fromCallable subscribed on boundedElastic.
 */
@Label(value = Expect.SAFE, family = Families.REST_TEMPLATE, reach = "subscribeOn worker")
public class RestTemplateOnBoundedElasticFilter implements WebFilter {
	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return Mono.fromCallable(() -> CorpusResources.restTemplate().getForObject(CorpusResources.httpUri(), String.class))
			.subscribeOn(Schedulers.boundedElastic())
			.then(chain.filter(exchange));
	}

}
