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
 * Finds an entity with the EntityManager.
 */
@Label(value = Expect.BLOCKING, family = Families.JPA, reach = "direct")
public class EntityManagerFindFilter implements WebFilter {
	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		exchange.getAttributes().put("entity", String.valueOf(CorpusResources.entityManager().find(Object.class, 1L)));
		return chain.filter(exchange);
	}

}
