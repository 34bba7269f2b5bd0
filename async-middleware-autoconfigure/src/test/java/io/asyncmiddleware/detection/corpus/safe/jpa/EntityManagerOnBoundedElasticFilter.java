package io.asyncmiddleware.detection.corpus.safe.jpa;

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
 * Finds an entity in fromCallable subscribed on boundedElastic.
 */
@Label(value = Expect.SAFE, family = Families.JPA, reach = "subscribeOn worker")
public class EntityManagerOnBoundedElasticFilter implements WebFilter {
	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return Mono.fromCallable(() -> String.valueOf(CorpusResources.entityManager().find(Object.class, 1L)))
			.subscribeOn(Schedulers.boundedElastic())
			.then(chain.filter(exchange));
	}

}
