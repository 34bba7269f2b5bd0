package io.asyncmiddleware.detection.corpus.blocking.javaio;

import java.io.FileInputStream;
import java.io.InputStream;
import java.util.concurrent.Callable;

import io.asyncmiddleware.detection.corpus.Families;
import io.asyncmiddleware.detection.corpus.Label;
import io.asyncmiddleware.detection.corpus.Label.Expect;
import io.asyncmiddleware.detection.corpus.support.CorpusResources;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Opens a file through a Callable field that the constructor assigns a lambda to.
 */
@Label(value = Expect.BLOCKING, family = Families.JAVA_IO, reach = "functional-interface field (constructor lambda)")
public class StreamOpenerFieldFilter implements WebFilter {
	private final Callable<InputStream> opener;

	public StreamOpenerFieldFilter() {
		this.opener = () -> new FileInputStream(CorpusResources.file().toFile());
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		try (InputStream in = this.opener.call()) {
			exchange.getAttributes().put("first", in.read());
		}
		catch (Exception ex) {
			return Mono.error(ex);
		}
		return chain.filter(exchange);
	}

}
