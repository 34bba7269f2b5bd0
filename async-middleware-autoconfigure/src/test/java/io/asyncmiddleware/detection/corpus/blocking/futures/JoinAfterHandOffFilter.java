package io.asyncmiddleware.detection.corpus.blocking.futures;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.asyncmiddleware.detection.corpus.Families;
import io.asyncmiddleware.detection.corpus.Label;
import io.asyncmiddleware.detection.corpus.Label.Expect;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Hands work to an executor, then joins it on the calling thread.
 */
@Label(value = Expect.BLOCKING, family = Families.FUTURES, reach = "join after executor hand-off")
public class JoinAfterHandOffFilter implements WebFilter {
	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String value = CompletableFuture
			.supplyAsync(() -> "later", CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS))
			.join();
		exchange.getAttributes().put("value", value);
		return chain.filter(exchange);
	}

}
