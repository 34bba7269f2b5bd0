package io.asyncmiddleware.detection.corpus.safe.httpclient;

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
 * Sends with HttpClient.sendAsync and composes the future.
 */
@Label(value = Expect.SAFE, family = Families.HTTP_CLIENT, reach = "fromFuture of an async client")
public class SendAsyncFromFutureFilter implements WebFilter {
	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return Mono.fromFuture(CorpusResources.httpClient()
			.sendAsync(HttpRequest.newBuilder(CorpusResources.httpUri()).build(), HttpResponse.BodyHandlers.discarding()))
			.then(chain.filter(exchange));
	}

}
