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
 * Implements the template's guard with a contended read lock.
 */
@Label(value = Expect.BLOCKING, family = Families.LOCKS_LATCHES, reach = "abstract template method")
public class ReadLockTemplateFilter extends GuardedFilter {
	@Override
	protected void guard(ServerWebExchange exchange) {
		Lock read = CorpusResources.contender().readWriteLock().readLock();
		read.lock();
		read.unlock();
	}

}
