package io.asyncmiddleware.detection.corpus.blocking.nio;

import io.asyncmiddleware.detection.corpus.Families;
import io.asyncmiddleware.detection.corpus.Label;
import io.asyncmiddleware.detection.corpus.Label.Expect;
import io.asyncmiddleware.detection.corpus.support.CorpusResources;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Loads lines through a generic repository that reads the file.
 */
@Label(value = Expect.BLOCKING, family = Families.NIO, reach = "generic class")
public class GenericRepositoryFilter implements WebFilter {
	private final FileRepository<Integer> lengths = new FileRepository<>(String::length);

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		exchange.getAttributes().put("lengths", this.lengths.load(CorpusResources.file()));
		return chain.filter(exchange);
	}

}
