package io.asyncmiddleware.detection.corpus.safe.javaio;

import java.io.FileInputStream;
import java.io.InputStream;

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
 * Falls back to reading a file when the chain fails, on boundedElastic.
 */
@Label(value = Expect.SAFE, family = Families.JAVA_IO, reach = "blocking only on an offloaded error path")
public class FileReadOnOffloadedErrorPathFilter implements WebFilter {
	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return chain.filter(exchange)
			.then(Mono.<Void>error(new IllegalStateException("primary failed")))
			.onErrorResume((ex) -> Mono.fromCallable(() -> {
				try (InputStream in = new FileInputStream(CorpusResources.file().toFile())) {
					return in.read();
				}
			}).subscribeOn(Schedulers.boundedElastic()).then());
	}

}
