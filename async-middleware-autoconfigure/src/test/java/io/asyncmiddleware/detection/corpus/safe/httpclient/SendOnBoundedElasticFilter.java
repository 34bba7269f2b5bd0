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
import reactor.core.scheduler.Schedulers;

/**
 * Sends with HttpClient.send in fromCallable subscribed on boundedElastic.
 */
@Label(value = Expect.SAFE, family = Families.HTTP_CLIENT, reach = "subscribeOn worker")
public class SendOnBoundedElasticFilter implements WebFilter {
	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return Mono.fromCallable(() -> CorpusResources.httpClient()
			.send(HttpRequest.newBuilder(CorpusResources.httpUri()).build(), HttpResponse.BodyHandlers.discarding())
			.statusCode()).subscribeOn(Schedulers.boundedElastic()).then(chain.filter(exchange));
	}

}
