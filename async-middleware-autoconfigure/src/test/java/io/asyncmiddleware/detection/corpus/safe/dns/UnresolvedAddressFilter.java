package io.asyncmiddleware.detection.corpus.safe.dns;

import java.net.InetAddress;
import java.net.InetSocketAddress;

import io.asyncmiddleware.detection.corpus.Families;
import io.asyncmiddleware.detection.corpus.Label;
import io.asyncmiddleware.detection.corpus.Label.Expect;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Builds socket addresses without resolving them.
 */
@Label(value = Expect.SAFE, family = Families.DNS, reach = "no lookup (unresolved address, loopback)")
public class UnresolvedAddressFilter implements WebFilter {
	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		InetSocketAddress target = InetSocketAddress.createUnresolved("localhost", 8080);
		exchange.getAttributes().put("target", target.getHostString() + InetAddress.getLoopbackAddress().getHostAddress());
		return chain.filter(exchange);
	}

}
