package io.asyncmiddleware.detection.corpus.blocking.futures;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import io.asyncmiddleware.detection.corpus.Families;
import io.asyncmiddleware.detection.corpus.Label;
import io.asyncmiddleware.detection.corpus.Label.Expect;
import io.asyncmiddleware.detection.corpus.support.CorpusResources;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Submits a slow task to an executor and waits for it: the get blocks, the sleep does not run here.
 */
@Label(value = Expect.BLOCKING, family = Families.FUTURES, reach = "executor hand-off then get")
public class SubmitThenGetFilter implements WebFilter {
	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		Future<String> slow = CorpusResources.executor().submit(() -> {
			Thread.sleep(20);
			return "slow";
		});
		try {
			exchange.getAttributes().put("value", slow.get());
		}
		catch (InterruptedException | ExecutionException ex) {
			return Mono.error(ex);
		}
		return chain.filter(exchange);
	}

}
