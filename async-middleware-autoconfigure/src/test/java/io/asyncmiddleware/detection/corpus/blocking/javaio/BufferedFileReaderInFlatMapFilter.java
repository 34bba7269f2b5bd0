package io.asyncmiddleware.detection.corpus.blocking.javaio;

import java.io.BufferedReader;
import java.io.FileReader;
import java.io.IOException;

import io.asyncmiddleware.detection.corpus.Families;
import io.asyncmiddleware.detection.corpus.Label;
import io.asyncmiddleware.detection.corpus.Label.Expect;
import io.asyncmiddleware.detection.corpus.support.CorpusResources;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Reads a line with a BufferedReader over a FileReader in flatMap.
 */
@Label(value = Expect.BLOCKING, family = Families.JAVA_IO, reach = "lambda in flatMap")
public class BufferedFileReaderInFlatMapFilter implements WebFilter {
	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return Mono.just(exchange).flatMap((current) -> {
			try (BufferedReader reader = new BufferedReader(new FileReader(CorpusResources.file().toFile()))) {
				current.getAttributes().put("line", reader.readLine());
			}
			catch (IOException ex) {
				return Mono.error(ex);
			}
			return chain.filter(current);
		});
	}

}
