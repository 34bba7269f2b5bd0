package io.asyncmiddleware.detection.corpus.blocking.httpclient;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.asyncmiddleware.detection.corpus.Families;
import io.asyncmiddleware.detection.corpus.Label;
import io.asyncmiddleware.detection.corpus.Label.Expect;
import io.asyncmiddleware.detection.corpus.support.CorpusResources;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Sends a request with HttpClient.send.
 */
@Label(value = Expect.BLOCKING, family = Families.HTTP_CLIENT, reach = "direct")
public class HttpClientSendFilter implements WebFilter {
	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		try {
			HttpResponse<String> response = CorpusResources.httpClient()
				.send(HttpRequest.newBuilder(CorpusResources.httpUri()).build(), HttpResponse.BodyHandlers.ofString());
			exchange.getAttributes().put("status", response.statusCode());
		}
		catch (IOException | InterruptedException ex) {
			return Mono.error(ex);
		}
		return chain.filter(exchange);
	}

}
