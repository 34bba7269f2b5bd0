package io.asyncmiddleware.detection.corpus.blocking.jpa;

import io.asyncmiddleware.detection.corpus.Families;
import io.asyncmiddleware.detection.corpus.Label;
import io.asyncmiddleware.detection.corpus.Label.Expect;
import io.asyncmiddleware.detection.corpus.support.CorpusResources;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Flushes the EntityManager in flatMap.
 */
@Label(value = Expect.BLOCKING, family = Families.JPA, reach = "lambda in flatMap")
public class EntityManagerFlushInFlatMapFilter implements WebFilter {
	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return Mono.just(exchange).flatMap((current) -> {
			CorpusResources.entityManager().flush();
			return chain.filter(current);
		});
	}

}
