package io.asyncmiddleware.detection.corpus.blocking.locks;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.asyncmiddleware.detection.corpus.Families;
import io.asyncmiddleware.detection.corpus.Label;
import io.asyncmiddleware.detection.corpus.Label.Expect;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Waits for a latch (with a timeout).
 */
@Label(value = Expect.BLOCKING, family = Families.LOCKS_LATCHES, reach = "direct")
public class LatchAwaitTimedFilter implements WebFilter {
	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		CountDownLatch ready = new CountDownLatch(1);
		try {
			ready.await(1, TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			return Mono.error(ex);
		}
		return chain.filter(exchange);
	}

}
