package io.asyncmiddleware.detection.corpus.blocking.httpclient;

import io.asyncmiddleware.detection.corpus.Families;
import io.asyncmiddleware.detection.corpus.Label;
import io.asyncmiddleware.detection.corpus.Label.Expect;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Calls a Gateway field holding the java.net.http implementation.
 */
@Label(value = Expect.BLOCKING, family = Families.HTTP_CLIENT, reach = "interface field with concrete instance")
public class GatewayInterfaceFieldFilter implements WebFilter {
	private final Gateway gateway = new JdkGateway();

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		try {
			exchange.getAttributes().put("status", this.gateway.status());
		}
		catch (Exception ex) {
			return Mono.error(ex);
		}
		return chain.filter(exchange);
	}

}
