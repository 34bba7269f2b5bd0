package io.asyncmiddleware.detection.corpus.blocking.locks;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import io.asyncmiddleware.detection.corpus.Families;
import io.asyncmiddleware.detection.corpus.Label;
import io.asyncmiddleware.detection.corpus.Label.Expect;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Awaits a condition in a helper method.
 */
@Label(value = Expect.BLOCKING, family = Families.LOCKS_LATCHES, reach = "helper chain depth 2")
public class ConditionAwaitViaHelperFilter implements WebFilter {
	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		awaitSignal(new ReentrantLock());
		return chain.filter(exchange);
	}

	static void awaitSignal(ReentrantLock lock) {
		lock.lock();
		try {
			Condition signalled = lock.newCondition();
			signalled.await(1, TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			lock.unlock();
		}
	}

}
