package io.asyncmiddleware.detection.corpus.safe.locks;

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
 * Acquires a permit after publishOn(boundedElastic).
 */
@Label(value = Expect.SAFE, family = Families.LOCKS_LATCHES, reach = "publishOn worker")
public class SemaphoreOnPublishOnFilter implements WebFilter {
	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return Mono.just(exchange).publishOn(Schedulers.boundedElastic()).doOnNext((current) -> {
			try {
				CorpusResources.contender().semaphore().acquire();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}).flatMap(chain::filter);
	}

}
