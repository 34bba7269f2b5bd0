package io.asyncmiddleware.detection.corpus.safe.locks;

import java.util.concurrent.CountDownLatch;

import io.asyncmiddleware.detection.corpus.Families;
import io.asyncmiddleware.detection.corpus.Label;
import io.asyncmiddleware.detection.corpus.Label.Expect;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Counts a latch down and reads its count.
 */
@Label(value = Expect.SAFE, family = Families.LOCKS_LATCHES, reach = "non-blocking variant (countDown)")
public class LatchCountDownFilter implements WebFilter {
	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		CountDownLatch latch = new CountDownLatch(2);
		latch.countDown();
		exchange.getAttributes().put("left", latch.getCount());
		return chain.filter(exchange);
	}

}
