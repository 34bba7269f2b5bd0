package io.asyncmiddleware.detection.corpus.blocking.javaio;

import io.asyncmiddleware.detection.corpus.Families;
import io.asyncmiddleware.detection.corpus.Label;
import io.asyncmiddleware.detection.corpus.Label.Expect;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Appends to a file with a FileWriter, five helpers below the filter method (the sixth method).
 */
@Label(value = Expect.BLOCKING, family = Families.JAVA_IO, reach = "helper chain depth 6")
public class FileWriterHelperChainDepth6Filter implements WebFilter {
	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		Hop1.record(exchange.getRequest().getPath().value());
		return chain.filter(exchange);
	}

}
