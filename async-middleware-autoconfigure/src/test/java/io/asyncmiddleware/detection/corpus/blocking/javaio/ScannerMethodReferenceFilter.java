package io.asyncmiddleware.detection.corpus.blocking.javaio;

import java.io.FileNotFoundException;
import java.util.Scanner;

import io.asyncmiddleware.detection.corpus.Families;
import io.asyncmiddleware.detection.corpus.Label;
import io.asyncmiddleware.detection.corpus.Label.Expect;
import io.asyncmiddleware.detection.corpus.support.CorpusResources;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Reads a line with a Scanner over a File in a method reference that fromCallable runs on the subscribing thread.
 */
@Label(value = Expect.BLOCKING, family = Families.JAVA_IO, reach = "method reference in fromCallable, no subscribeOn")
public class ScannerMethodReferenceFilter implements WebFilter {
	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return Mono.fromCallable(this::firstLine)
			.doOnNext((line) -> exchange.getAttributes().put("line", line))
			.then(chain.filter(exchange));
	}

	private String firstLine() throws FileNotFoundException {
		try (Scanner scanner = new Scanner(CorpusResources.file().toFile())) {
			return scanner.nextLine();
		}
	}

}
