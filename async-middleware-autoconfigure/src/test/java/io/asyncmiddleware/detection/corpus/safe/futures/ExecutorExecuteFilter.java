package io.asyncmiddleware.detection.corpus.safe.futures;

import io.asyncmiddleware.detection.corpus.Families;
import io.asyncmiddleware.detection.corpus.Label;
import io.asyncmiddleware.detection.corpus.Label.Expect;
import io.asyncmiddleware.detection.corpus.support.CorpusResources;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Hands a blocking task to an executor and does not wait for it.
 */
@Label(value = Expect.SAFE, family = Families.FUTURES, reach = "executor hand-off (Executor.execute)")
public class ExecutorExecuteFilter implements WebFilter {
	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		CorpusResources.executor().execute(() -> {
			try {
				Thread.sleep(1);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		return chain.filter(exchange);
	}

}
