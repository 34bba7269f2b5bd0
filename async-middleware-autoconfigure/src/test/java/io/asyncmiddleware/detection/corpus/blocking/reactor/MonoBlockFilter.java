package io.asyncmiddleware.detection.corpus.blocking.reactor;

import java.time.Duration;

import io.asyncmiddleware.detection.corpus.Families;
import io.asyncmiddleware.detection.corpus.Label;
import io.asyncmiddleware.detection.corpus.Label.Expect;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Blocks on a Mono.
 */
@Label(value = Expect.BLOCKING, family = Families.REACTOR_BLOCK, reach = "direct")
public class MonoBlockFilter implements WebFilter {
	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String user = Mono.delay(Duration.ofMillis(1)).thenReturn("anonymous").block();
		exchange.getAttributes().put("user", user);
		return chain.filter(exchange);
	}

}
