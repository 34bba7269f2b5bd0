package io.asyncmiddleware.detection.corpus.safe.locks;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import io.asyncmiddleware.detection.corpus.Families;
import io.asyncmiddleware.detection.corpus.Label;
import io.asyncmiddleware.detection.corpus.Label.Expect;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Offers to and polls a blocking queue without timeouts.
 */
@Label(value = Expect.SAFE, family = Families.LOCKS_LATCHES, reach = "non-blocking variant (offer/poll)")
public class QueueOfferPollFilter implements WebFilter {
	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		BlockingQueue<String> queue = new LinkedBlockingQueue<>();
		queue.offer("a");
		exchange.getAttributes().put("polled", queue.poll());
		return chain.filter(exchange);
	}

}
