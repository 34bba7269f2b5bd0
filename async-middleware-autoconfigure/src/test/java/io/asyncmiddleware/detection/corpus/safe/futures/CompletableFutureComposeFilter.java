package io.asyncmiddleware.detection.corpus.safe.futures;

import java.util.concurrent.CompletableFuture;

import io.asyncmiddleware.detection.corpus.Families;
import io.asyncmiddleware.detection.corpus.Label;
import io.asyncmiddleware.detection.corpus.Label.Expect;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Composes a completed future and reads it with getNow.
 */
@Label(value = Expect.SAFE, family = Families.FUTURES, reach = "non-blocking variant (thenApply, getNow)")
public class CompletableFutureComposeFilter implements WebFilter {
	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		CompletableFuture<Integer> length = CompletableFuture.completedFuture("abc").thenApply(String::length);
		exchange.getAttributes().put("length", length.getNow(0));
		return Mono.fromFuture(length).then(chain.filter(exchange));
	}

}
