package io.asyncmiddleware.detection.corpus.safe.nio;

import java.nio.file.Files;
import java.nio.file.StandardOpenOption;

import io.asyncmiddleware.detection.corpus.Families;
import io.asyncmiddleware.detection.corpus.Label;
import io.asyncmiddleware.detection.corpus.Label.Expect;
import io.asyncmiddleware.detection.corpus.support.CorpusResources;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Writes a file in a task submitted to an executor, without waiting.
 */
@Label(value = Expect.SAFE, family = Families.NIO, reach = "executor hand-off (ExecutorService.submit)")
public class FilesOnExecutorSubmitFilter implements WebFilter {
	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String line = exchange.getRequest().getPath().value() + "\n";
		CorpusResources.executor().submit(() -> Files.writeString(CorpusResources.directory().resolve("async.log"), line,
				StandardOpenOption.CREATE, StandardOpenOption.APPEND));
		return chain.filter(exchange);
	}

}
