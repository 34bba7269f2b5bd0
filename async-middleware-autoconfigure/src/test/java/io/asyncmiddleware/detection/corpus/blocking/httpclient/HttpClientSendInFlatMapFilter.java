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
 * Sends a request with HttpClient.send in flatMap.
 */
@Label(value = Expect.BLOCKING, family = Families.HTTP_CLIENT, reach = "lambda in flatMap")
public class HttpClientSendInFlatMapFilter implements WebFilter {
	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return Mono.just(exchange).flatMap((current) -> {
			try {
				CorpusResources.httpClient()
					.send(HttpRequest.newBuilder(CorpusResources.httpUri()).build(), HttpResponse.BodyHandlers.discarding());
			}
			catch (IOException | InterruptedException ex) {
				return Mono.error(ex);
			}
			return chain.filter(current);
		});
	}

}
