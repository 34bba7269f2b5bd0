package io.asyncmiddleware.detection.corpus.blocking.futures;

import io.asyncmiddleware.detection.corpus.Families;
import io.asyncmiddleware.detection.corpus.Label;
import io.asyncmiddleware.detection.corpus.Label.Expect;
import io.asyncmiddleware.detection.corpus.support.CorpusResources;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Waits, through a generic helper, for a task it submitted.
 */
@Label(value = Expect.BLOCKING, family = Families.FUTURES, reach = "generic helper in flatMap lambda")
public class GenericAwaitInFlatMapFilter implements WebFilter {
	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return Mono.just(exchange).flatMap((current) -> {
			Integer length = Futures.await(CorpusResources.executor().submit(() -> {
				Thread.sleep(20);
				return current.getRequest().getPath().value().length();
			}));
			current.getAttributes().put("length", length);
			return chain.filter(current);
		});
	}

}
