package io.asyncmiddleware.detection.corpus.blocking.javaio;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;

import io.asyncmiddleware.detection.corpus.Families;
import io.asyncmiddleware.detection.corpus.Label;
import io.asyncmiddleware.detection.corpus.Label.Expect;
import io.asyncmiddleware.detection.corpus.support.CorpusResources;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Writes to a file on every request; the static initialiser does no I/O.
 */
@Label(value = Expect.BLOCKING, family = Families.JAVA_IO, reach = "per call (the static initialiser only computes a name)")
public class FileOutputStreamPerCallFilter implements WebFilter {
	private static final String NAME;

	static {
		NAME = "requests-" + FileOutputStreamPerCallFilter.class.getSimpleName() + ".log";
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		try (PrintStream out = new PrintStream(new FileOutputStream(CorpusResources.directory().resolve(NAME).toFile(), true))) {
			out.println(exchange.getRequest().getPath().value());
		}
		catch (IOException ex) {
			return Mono.error(ex);
		}
		return chain.filter(exchange);
	}

}
