package io.asyncmiddleware.detection.corpus.blocking.nio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.asyncmiddleware.detection.corpus.Families;
import io.asyncmiddleware.detection.corpus.Label;
import io.asyncmiddleware.detection.corpus.Label.Expect;
import io.asyncmiddleware.detection.corpus.support.CorpusResources;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Reads a file with Files.readString in a handle operator.
 */
@Label(value = Expect.BLOCKING, family = Families.NIO, reach = "lambda in handle")
public class FilesReadStringInHandleFilter implements WebFilter {
	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return Mono.just(CorpusResources.file()).<String>handle((Path path, reactor.core.publisher.SynchronousSink<String> sink) -> {
			try {
				sink.next(Files.readString(path));
			}
			catch (IOException ex) {
				sink.error(ex);
			}
		}).then(chain.filter(exchange));
	}

}
