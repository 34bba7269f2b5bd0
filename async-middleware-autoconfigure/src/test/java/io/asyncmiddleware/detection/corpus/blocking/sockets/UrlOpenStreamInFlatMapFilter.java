package io.asyncmiddleware.detection.corpus.blocking.sockets;

import java.io.IOException;
import java.io.InputStream;

import io.asyncmiddleware.detection.corpus.Families;
import io.asyncmiddleware.detection.corpus.Label;
import io.asyncmiddleware.detection.corpus.Label.Expect;
import io.asyncmiddleware.detection.corpus.support.CorpusResources;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Reads a URL with openStream in flatMap.
 */
@Label(value = Expect.BLOCKING, family = Families.SOCKETS, reach = "lambda in flatMap")
public class UrlOpenStreamInFlatMapFilter implements WebFilter {
	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return Mono.just(exchange).flatMap((current) -> {
			try (InputStream in = CorpusResources.httpUri().toURL().openStream()) {
				current.getAttributes().put("body", in.readAllBytes().length);
			}
			catch (IOException ex) {
				return Mono.error(ex);
			}
			return chain.filter(current);
		});
	}

}
