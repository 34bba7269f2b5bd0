package io.asyncmiddleware.detection.corpus.safe.sleep;

import io.asyncmiddleware.detection.corpus.Families;
import io.asyncmiddleware.detection.corpus.Label;
import io.asyncmiddleware.detection.corpus.Label.Expect;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Sleeps in fromRunnable subscribed on boundedElastic.
 */
@Label(value = Expect.SAFE, family = Families.SLEEP_PARK, reach = "subscribeOn worker")
public class SleepOnBoundedElasticFilter implements WebFilter {
	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return Mono.fromRunnable(() -> {
			try {
				Thread.sleep(1);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}).subscribeOn(Schedulers.boundedElastic()).then(chain.filter(exchange));
	}

}
