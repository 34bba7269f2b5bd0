package io.asyncmiddleware.detection.corpus.blocking.locks;

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
 * Takes a lock that another thread holds.
 */
@Label(value = Expect.BLOCKING, family = Families.LOCKS_LATCHES, reach = "direct")
public class ContendedLockFilter implements WebFilter {
	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		Lock lock = CorpusResources.contender().lock();
		lock.lock();
		try {
			exchange.getAttributes().put("locked", true);
		}
		finally {
			lock.unlock();
		}
		return chain.filter(exchange);
	}

}
