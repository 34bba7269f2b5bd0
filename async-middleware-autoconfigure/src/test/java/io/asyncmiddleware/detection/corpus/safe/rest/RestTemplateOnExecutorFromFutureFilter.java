package io.asyncmiddleware.detection.corpus.safe.rest;

import java.util.concurrent.CompletableFuture;

import io.asyncmiddleware.detection.corpus.Families;
import io.asyncmiddleware.detection.corpus.Label;
import io.asyncmiddleware.detection.corpus.Label.Expect;
import io.asyncmiddleware.detection.corpus.support.CorpusResources;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Calls RestTemplate in a task handed to an executor.
 */
@Label(value = Expect.SAFE, family = Families.REST_TEMPLATE, reach = "executor hand-off (supplyAsync with executor, fromFuture)")
public class RestTemplateOnExecutorFromFutureFilter implements WebFilter {
	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return Mono.fromFuture(CompletableFuture.supplyAsync(
				() -> CorpusResources.restTemplate().getForObject(CorpusResources.httpUri(), String.class),
				CorpusResources.executor()))
			.then(chain.filter(exchange));
	}

}
