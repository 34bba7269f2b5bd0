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
 * Resolves a host name.
 */
@Label(value = Expect.BLOCKING, family = Families.DNS, reach = "direct")
public class InetAddressGetByNameFilter implements WebFilter {
	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		try {
			exchange.getAttributes().put("address", InetAddress.getByName("lOcalhost"));
		}
		catch (UnknownHostException ex) {
			return Mono.error(ex);
		}
		return chain.filter(exchange);
	}

}
