package io.asyncmiddleware.detection.corpus.blocking.dns;

import java.net.InetAddress;

import io.asyncmiddleware.detection.corpus.Families;
import io.asyncmiddleware.detection.corpus.Label;
import io.asyncmiddleware.detection.corpus.Label.Expect;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Calls a field of the application's own functional interface that a delegating
 * constructor passes a lambda to (as a {@code @Bean} method would). Found outside the
 * repository (docs/detection-corpus.md).
 */
@Label(value = Expect.BLOCKING, family = Families.DNS, reach = "own functional-interface field (constructor argument)")
public class OwnResolverConstructorArgumentFilter implements WebFilter {

	private final Resolver resolver;

	public OwnResolverConstructorArgumentFilter() {
		this((host) -> InetAddress.getAllByName(host).length);
	}

	OwnResolverConstructorArgumentFilter(Resolver resolver) {
		this.resolver = resolver;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		try {
			exchange.getAttributes().put("addresses", this.resolver.resolve("loCalhost"));
		}
		catch (Exception ex) {
			return Mono.error(ex);
		}
		return chain.filter(exchange);
	}

	/** The application's own lookup contract. */
	@FunctionalInterface
	interface Resolver {

		int resolve(String host) throws Exception;

	}

}
