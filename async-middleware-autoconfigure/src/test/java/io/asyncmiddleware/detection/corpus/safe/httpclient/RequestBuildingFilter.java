package io.asyncmiddleware.detection.corpus.safe.httpclient;

import java.net.http.HttpRequest;

import io.asyncmiddleware.detection.corpus.Families;
import io.asyncmiddleware.detection.corpus.Label;
import io.asyncmiddleware.detection.corpus.Label.Expect;
import io.asyncmiddleware.detection.corpus.support.CorpusResources;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Builds an HttpRequest without sending it.
 */
@Label(value = Expect.SAFE, family = Families.HTTP_CLIENT, reach = "no I/O (request building)")
public class RequestBuildingFilter implements WebFilter {
	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		HttpRequest request = HttpRequest.newBuilder(CorpusResources.httpUri()).header("X-Trace", "1").GET().build();
		exchange.getAttributes().put("method", request.method());
		return chain.filter(exchange);
	}

}
