package io.asyncmiddleware.detection.corpus.safe.nio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import io.asyncmiddleware.detection.corpus.Families;
import io.asyncmiddleware.detection.corpus.Label;
import io.asyncmiddleware.detection.corpus.Label.Expect;
import io.asyncmiddleware.detection.corpus.support.CorpusResources;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Reads a file in map after publishOn(boundedElastic).
 */
@Label(value = Expect.SAFE, family = Families.NIO, reach = "publishOn worker")
public class FilesReadOnPublishOnFilter implements WebFilter {
	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return Mono.just(CorpusResources.file()).publishOn(Schedulers.boundedElastic()).map((path) -> {
			try {
				return Files.readString(path);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}).then(chain.filter(exchange));
	}

}
