package io.asyncmiddleware.detection.corpus.blocking.javaio;

import java.io.IOException;
import java.io.RandomAccessFile;

import io.asyncmiddleware.detection.corpus.Families;
import io.asyncmiddleware.detection.corpus.Label;
import io.asyncmiddleware.detection.corpus.Label.Expect;
import io.asyncmiddleware.detection.corpus.support.CorpusResources;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Reads a line with a RandomAccessFile.
 */
@Label(value = Expect.BLOCKING, family = Families.JAVA_IO, reach = "direct")
public class RandomAccessFileFilter implements WebFilter {
	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		try (RandomAccessFile file = new RandomAccessFile(CorpusResources.file().toFile(), "r")) {
			exchange.getAttributes().put("line", file.readLine());
		}
		catch (IOException ex) {
			return Mono.error(ex);
		}
		return chain.filter(exchange);
	}

}
