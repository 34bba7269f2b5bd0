package io.asyncmiddleware.detection.corpus.safe.monitor;

import io.asyncmiddleware.detection.corpus.Families;
import io.asyncmiddleware.detection.corpus.Label;
import io.asyncmiddleware.detection.corpus.Label.Expect;
import io.asyncmiddleware.detection.corpus.support.CorpusResources;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Waits on a monitor in a task handed to an executor.
 */
@Label(value = Expect.SAFE, family = Families.MONITOR, reach = "executor hand-off (Executor.execute)")
public class WaitOnExecutorFilter implements WebFilter {
	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		Object monitor = new Object();
		CorpusResources.executor().execute(() -> {
			synchronized (monitor) {
				try {
					monitor.wait(1);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
		});
		return chain.filter(exchange);
	}

}
