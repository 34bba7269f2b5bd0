package io.asyncmiddleware.detection.corpus.safe.reactor;

import io.asyncmiddleware.detection.corpus.Families;
import io.asyncmiddleware.detection.corpus.Label;
import io.asyncmiddleware.detection.corpus.Label.Expect;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Blocks on a Mono inside fromCallable subscribed on boundedElastic.
 */
@Label(value = Expect.SAFE, family = Families.REACTOR_BLOCK, reach = "subscribeOn worker")
public class BlockOnBoundedElasticFilter implements WebFilter {
	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return Mono.fromCallable(() -> Mono.just("anonymous").block())
			.subscribeOn(Schedulers.boundedElastic())
			.then(chain.filter(exchange));
	}

}
