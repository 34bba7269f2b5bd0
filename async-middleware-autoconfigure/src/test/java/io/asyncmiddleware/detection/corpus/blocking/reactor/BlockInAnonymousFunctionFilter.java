package io.asyncmiddleware.detection.corpus.blocking.reactor;

import java.time.Duration;
import java.util.function.Function;

import io.asyncmiddleware.detection.corpus.Families;
import io.asyncmiddleware.detection.corpus.Label;
import io.asyncmiddleware.detection.corpus.Label.Expect;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Blocks in an anonymous Function given to map.
 */
@Label(value = Expect.BLOCKING, family = Families.REACTOR_BLOCK, reach = "anonymous class in map")
public class BlockInAnonymousFunctionFilter implements WebFilter {
	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return Mono.just("id").map(new Function<String, String>() {
			@Override
			public String apply(String id) {
				return Mono.delay(Duration.ofMillis(1)).thenReturn(id).block();
			}
		}).then(chain.filter(exchange));
	}

}
