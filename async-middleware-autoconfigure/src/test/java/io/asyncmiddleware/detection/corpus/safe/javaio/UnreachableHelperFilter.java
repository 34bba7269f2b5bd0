package io.asyncmiddleware.detection.corpus.safe.javaio;

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
 * Has a private file-reading method that nothing calls.
 */
@Label(value = Expect.SAFE, family = Families.JAVA_IO, reach = "dead code (method never called)")
public class UnreachableHelperFilter implements WebFilter {
	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return chain.filter(exchange);
	}

	@SuppressWarnings("unused")
	private int legacyRead() throws IOException {
		try (InputStream in = new FileInputStream(CorpusResources.file().toFile())) {
			return in.read();
		}
	}

}
