package io.asyncmiddleware.detection.corpus.safe.nio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

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
 * Names a path through one Function field on the caller; reads it through another only on boundedElastic.
 */
@Label(value = Expect.SAFE, family = Families.NIO, reach = "functional-interface fields: the blocking one only offloaded")
public class FunctionFieldsSplitFilter implements WebFilter {
	private final Function<Path, String> namer = (path) -> String.valueOf(path.getFileName());

	private final Function<Path, byte[]> reader = (path) -> {
		try {
			return Files.readAllBytes(path);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	};

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		Path file = CorpusResources.file();
		exchange.getAttributes().put("name", this.namer.apply(file));
		return Mono.fromCallable(() -> this.reader.apply(file))
			.subscribeOn(Schedulers.boundedElastic())
			.then(chain.filter(exchange));
	}

}
