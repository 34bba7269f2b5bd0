package io.asyncmiddleware.detection.corpus.blocking.sleep;

import io.asyncmiddleware.detection.corpus.Families;
import io.asyncmiddleware.detection.corpus.Label;
import io.asyncmiddleware.detection.corpus.Label.Expect;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Parks three methods down: filter, Throttle.pause, Backoff.park.
 */
@Label(value = Expect.BLOCKING, family = Families.SLEEP_PARK, reach = "helper chain depth 3")
public class ParkViaHelperChainFilter implements WebFilter {
	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		Throttle.pause(exchange.getRequest().getPath().value());
		return chain.filter(exchange);
	}

}
