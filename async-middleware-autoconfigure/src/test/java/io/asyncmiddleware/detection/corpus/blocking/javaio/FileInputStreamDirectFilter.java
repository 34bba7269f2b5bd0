package io.asyncmiddleware.detection.corpus.blocking.javaio;

import java.io.FileInputStream;
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
 * Opens a FileInputStream and reads it through the InputStream type.
 */
@Label(value = Expect.BLOCKING, family = Families.JAVA_IO, reach = "direct")
public class FileInputStreamDirectFilter implements WebFilter {
	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		try (InputStream in = new FileInputStream(CorpusResources.file().toFile())) {
			exchange.getAttributes().put("first", in.read());
		}
		catch (IOException ex) {
			return Mono.error(ex);
		}
		return chain.filter(exchange);
	}

}
