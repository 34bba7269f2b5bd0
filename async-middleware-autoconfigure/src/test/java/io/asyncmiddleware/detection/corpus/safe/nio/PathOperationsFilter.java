package io.asyncmiddleware.detection.corpus.safe.nio;

import java.nio.file.Path;

import io.asyncmiddleware.detection.corpus.Families;
import io.asyncmiddleware.detection.corpus.Label;
import io.asyncmiddleware.detection.corpus.Label.Expect;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Works with Path values only.
 */
@Label(value = Expect.SAFE, family = Families.NIO, reach = "no I/O (Path arithmetic)")
public class PathOperationsFilter implements WebFilter {
	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		Path path = Path.of("/srv", "static").resolve(exchange.getRequest().getPath().value().substring(1)).normalize();
		exchange.getAttributes().put("name", String.valueOf(path.getFileName()));
		return chain.filter(exchange);
	}

}
