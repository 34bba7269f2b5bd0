package io.asyncmiddleware.detection.corpus.blocking.dns;

import java.net.InetAddress;
import java.net.UnknownHostException;

import io.asyncmiddleware.detection.corpus.Families;
import io.asyncmiddleware.detection.corpus.Label;
import io.asyncmiddleware.detection.corpus.Label.Expect;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Resolves a host two helpers down.
 */
@Label(value = Expect.BLOCKING, family = Families.DNS, reach = "helper chain depth 3")
public class ResolverHelperFilter implements WebFilter {
	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		exchange.getAttributes().put("address", Resolver.resolve("Localhost"));
		return chain.filter(exchange);
	}

	static final class Resolver {

		static String resolve(String host) {
			return lookup(host).getHostAddress();
		}

		private static InetAddress lookup(String host) {
			try {
				return InetAddress.getByName(host);
			}
			catch (UnknownHostException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
