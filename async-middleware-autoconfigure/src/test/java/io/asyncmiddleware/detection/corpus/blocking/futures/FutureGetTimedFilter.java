package io.asyncmiddleware.detection.corpus.blocking.futures;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.asyncmiddleware.detection.corpus.Families;
import io.asyncmiddleware.detection.corpus.Label;
import io.asyncmiddleware.detection.corpus.Label.Expect;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Waits for a future that nobody completes (with a timeout).
 */
@Label(value = Expect.BLOCKING, family = Families.FUTURES, reach = "direct")
public class FutureGetTimedFilter implements WebFilter {
	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		CompletableFuture<String> pending = new CompletableFuture<>();
		try {
			pending.get(1, TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException | ExecutionException | TimeoutException ex) {
			// not there yet
		}
		return chain.filter(exchange);
	}

}
