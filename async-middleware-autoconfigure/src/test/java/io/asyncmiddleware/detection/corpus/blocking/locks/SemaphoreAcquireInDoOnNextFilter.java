package io.asyncmiddleware.detection.corpus.blocking.locks;

import io.asyncmiddleware.detection.corpus.Families;
import io.asyncmiddleware.detection.corpus.Label;
import io.asyncmiddleware.detection.corpus.Label.Expect;
import io.asyncmiddleware.detection.corpus.support.CorpusResources;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Acquires a permit in doOnNext, on the signalling thread.
 */
@Label(value = Expect.BLOCKING, family = Families.LOCKS_LATCHES, reach = "lambda in doOnNext")
public class SemaphoreAcquireInDoOnNextFilter implements WebFilter {
	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return Mono.just(exchange).doOnNext((current) -> {
			try {
				CorpusResources.contender().semaphore().acquire();
			}
			catch (InterruptedException ex) {
				throw new IllegalStateException(ex);
			}
		}).flatMap(chain::filter);
	}

}
