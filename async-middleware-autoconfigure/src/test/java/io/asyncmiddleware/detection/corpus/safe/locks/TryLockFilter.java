package io.asyncmiddleware.detection.corpus.safe.locks;

import java.util.concurrent.locks.Lock;

import io.asyncmiddleware.detection.corpus.Families;
import io.asyncmiddleware.detection.corpus.Label;
import io.asyncmiddleware.detection.corpus.Label.Expect;
import io.asyncmiddleware.detection.corpus.support.CorpusResources;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Tries a contended lock without waiting.
 */
@Label(value = Expect.SAFE, family = Families.LOCKS_LATCHES, reach = "non-blocking variant (tryLock)")
public class TryLockFilter implements WebFilter {
	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		Lock lock = CorpusResources.contender().lock();
		if (lock.tryLock()) {
			lock.unlock();
		}
		return chain.filter(exchange);
	}

}
