package io.asyncmiddleware.detection.corpus.blocking.locks;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
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
 * Meets a barrier in a method reference that fromRunnable runs on the subscribing thread.
 */
@Label(value = Expect.BLOCKING, family = Families.LOCKS_LATCHES, reach = "method reference in fromRunnable, no subscribeOn")
public class BarrierAwaitMethodReferenceFilter implements WebFilter {
	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return Mono.fromRunnable(this::meet).then(chain.filter(exchange));
	}

	private void meet() {
		try {
			new CyclicBarrier(2).await(1, TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException | BrokenBarrierException | TimeoutException ex) {
			// nobody else came
		}
	}

}
