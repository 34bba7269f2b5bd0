package io.asyncmiddleware.detection.corpus.blocking.httpclient;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.IntSupplier;

import io.asyncmiddleware.detection.corpus.Families;
import io.asyncmiddleware.detection.corpus.Label;
import io.asyncmiddleware.detection.corpus.Label.Expect;
import io.asyncmiddleware.detection.corpus.support.CorpusResources;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Calls a Supplier field that a delegating constructor passes a lambda to.
 */
@Label(value = Expect.BLOCKING, family = Families.HTTP_CLIENT, reach = "functional-interface field (constructor argument)")
public class StatusSupplierConstructorArgumentFilter implements WebFilter {
	private final IntSupplier status;

	public StatusSupplierConstructorArgumentFilter() {
		this(() -> {
			try {
				return CorpusResources.httpClient()
					.send(HttpRequest.newBuilder(CorpusResources.httpUri()).build(), HttpResponse.BodyHandlers.discarding())
					.statusCode();
			}
			catch (IOException | InterruptedException ex) {
				throw new IllegalStateException(ex);
			}
		});
	}

	StatusSupplierConstructorArgumentFilter(IntSupplier status) {
		this.status = status;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		exchange.getAttributes().put("status", this.status.getAsInt());
		return chain.filter(exchange);
	}

}
