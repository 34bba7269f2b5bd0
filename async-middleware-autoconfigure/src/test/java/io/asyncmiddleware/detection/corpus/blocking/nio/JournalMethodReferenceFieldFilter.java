package io.asyncmiddleware.detection.corpus.blocking.nio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

import io.asyncmiddleware.detection.corpus.Families;
import io.asyncmiddleware.detection.corpus.Label;
import io.asyncmiddleware.detection.corpus.Label.Expect;
import io.asyncmiddleware.detection.corpus.support.CorpusResources;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Appends to a journal through a Consumer field initialised with a method reference.
 */
@Label(value = Expect.BLOCKING, family = Families.NIO, reach = "functional-interface field (initialiser method reference)")
public class JournalMethodReferenceFieldFilter implements WebFilter {
	private final Consumer<String> journal = this::append;

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		this.journal.accept(exchange.getRequest().getPath().value());
		return chain.filter(exchange);
	}

	private void append(String line) {
		try {
			Files.writeString(CorpusResources.directory().resolve("journal.log"), line + "\n", StandardOpenOption.CREATE,
					StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
