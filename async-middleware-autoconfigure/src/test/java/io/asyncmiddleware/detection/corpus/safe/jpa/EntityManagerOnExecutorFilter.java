package io.asyncmiddleware.detection.corpus.safe.jpa;

import io.asyncmiddleware.detection.corpus.Families;
import io.asyncmiddleware.detection.corpus.Label;
import io.asyncmiddleware.detection.corpus.Label.Expect;
import io.asyncmiddleware.detection.corpus.support.CorpusResources;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Persists in a task handed to an executor, without waiting.
 */
@Label(value = Expect.SAFE, family = Families.JPA, reach = "executor hand-off (Executor.execute)")
public class EntityManagerOnExecutorFilter implements WebFilter {
	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String path = exchange.getRequest().getPath().value();
		CorpusResources.executor().execute(() -> CorpusResources.entityManager().persist(path));
		return chain.filter(exchange);
	}

}
