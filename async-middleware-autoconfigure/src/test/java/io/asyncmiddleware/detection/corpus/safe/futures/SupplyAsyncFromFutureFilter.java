package io.asyncmiddleware.detection.corpus.safe.futures;

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
 * Sleeps in a task handed to an executor and composes the future.
 */
@Label(value = Expect.SAFE, family = Families.FUTURES, reach = "executor hand-off (supplyAsync with executor, fromFuture)")
public class SupplyAsyncFromFutureFilter implements WebFilter {
	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return Mono.fromFuture(CompletableFuture.supplyAsync(() -> {
			try {
				Thread.sleep(1);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return "done";
		}, CorpusResources.executor())).then(chain.filter(exchange));
	}

}
