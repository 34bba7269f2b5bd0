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
 * Reads a line through a default method of an interface it implements.
 */
@Label(value = Expect.BLOCKING, family = Families.NIO, reach = "default interface method")
public class DefaultMethodBufferedReaderFilter implements WebFilter, FirstLineReader {
	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		exchange.getAttributes().put("line", firstLine(CorpusResources.file()));
		return chain.filter(exchange);
	}

}
