package io.asyncmiddleware.detection.corpus.blocking.nio;

import java.io.IOException;
import java.nio.file.Files;

import io.asyncmiddleware.detection.corpus.Families;
import io.asyncmiddleware.detection.corpus.Label;
import io.asyncmiddleware.detection.corpus.Label.Expect;
import io.asyncmiddleware.detection.corpus.support.CorpusResources;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Reads a file with Files.readAllBytes.
 */
@Label(value = Expect.BLOCKING, family = Families.NIO, reach = "direct")
public class FilesReadAllBytesFilter implements WebFilter {
	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		try {
			exchange.getAttributes().put("size", Files.readAllBytes(CorpusResources.file()).length);
		}
		catch (IOException ex) {
			return Mono.error(ex);
		}
		return chain.filter(exchange);
	}

}
