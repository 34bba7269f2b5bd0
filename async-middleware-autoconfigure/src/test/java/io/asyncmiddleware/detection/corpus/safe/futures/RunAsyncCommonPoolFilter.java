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
 * Sleeps in a task run on the common pool.
 */
@Label(value = Expect.SAFE, family = Families.FUTURES, reach = "executor hand-off (runAsync on the common pool)")
public class RunAsyncCommonPoolFilter implements WebFilter {
	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return Mono.fromFuture(CompletableFuture.runAsync(() -> {
			try {
				Thread.sleep(1);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		})).then(chain.filter(exchange));
	}

}
