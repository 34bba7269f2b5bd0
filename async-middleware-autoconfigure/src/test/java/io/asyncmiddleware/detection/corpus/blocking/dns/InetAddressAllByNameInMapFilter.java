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
 * Resolves all addresses of a host in map.
 */
@Label(value = Expect.BLOCKING, family = Families.DNS, reach = "lambda in map")
public class InetAddressAllByNameInMapFilter implements WebFilter {
	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return Mono.just("LOCALHOST").map((host) -> {
			try {
				return InetAddress.getAllByName(host).length;
			}
			catch (UnknownHostException ex) {
				throw new IllegalStateException(ex);
			}
		}).then(chain.filter(exchange));
	}

}
