package io.asyncmiddleware.detection.corpus.safe.dns;

import java.net.InetAddress;

import io.asyncmiddleware.detection.corpus.Families;
import io.asyncmiddleware.detection.corpus.Label;
import io.asyncmiddleware.detection.corpus.Label.Expect;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Resolves a host in fromCallable subscribed on boundedElastic.
 */
@Label(value = Expect.SAFE, family = Families.DNS, reach = "subscribeOn worker")
public class ResolveOnBoundedElasticFilter implements WebFilter {
	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return Mono.fromCallable(() -> InetAddress.getByName("localHOST"))
			.subscribeOn(Schedulers.boundedElastic())
			.then(chain.filter(exchange));
	}

}
