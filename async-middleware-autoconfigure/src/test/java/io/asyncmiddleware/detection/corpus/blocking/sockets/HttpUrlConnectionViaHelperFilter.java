package io.asyncmiddleware.detection.corpus.blocking.sockets;

import java.io.IOException;
import java.net.HttpURLConnection;

import io.asyncmiddleware.detection.corpus.Families;
import io.asyncmiddleware.detection.corpus.Label;
import io.asyncmiddleware.detection.corpus.Label.Expect;
import io.asyncmiddleware.detection.corpus.support.CorpusResources;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Asks for a response code with HttpURLConnection in a helper.
 */
@Label(value = Expect.BLOCKING, family = Families.SOCKETS, reach = "helper chain depth 2")
public class HttpUrlConnectionViaHelperFilter implements WebFilter {
	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		try {
			exchange.getAttributes().put("status", status());
		}
		catch (IOException ex) {
			return Mono.error(ex);
		}
		return chain.filter(exchange);
	}

	private static int status() throws IOException {
		HttpURLConnection connection = (HttpURLConnection) CorpusResources.httpUri().toURL().openConnection();
		try {
			return connection.getResponseCode();
		}
		finally {
			connection.disconnect();
		}
	}

}
