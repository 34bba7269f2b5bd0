package io.asyncmiddleware.detection.corpus.safe.sockets;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;

import io.asyncmiddleware.detection.corpus.Families;
import io.asyncmiddleware.detection.corpus.Label;
import io.asyncmiddleware.detection.corpus.Label.Expect;
import io.asyncmiddleware.detection.corpus.support.CorpusResources;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Reads a URL in a task handed to an executor and composes the future.
 */
@Label(value = Expect.SAFE, family = Families.SOCKETS, reach = "executor hand-off (supplyAsync with executor, fromFuture)")
public class UrlOnExecutorFromFutureFilter implements WebFilter {
	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return Mono.fromFuture(CompletableFuture.supplyAsync(() -> {
			try (InputStream in = CorpusResources.httpUri().toURL().openStream()) {
				return in.readAllBytes().length;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}, CorpusResources.executor())).then(chain.filter(exchange));
	}

}
