package io.asyncmiddleware.detection.corpus.blocking.sockets;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.Callable;

import io.asyncmiddleware.detection.corpus.Families;
import io.asyncmiddleware.detection.corpus.Label;
import io.asyncmiddleware.detection.corpus.Label.Expect;
import io.asyncmiddleware.detection.corpus.support.CorpusResources;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Connects a Socket in an anonymous Callable that it calls at once.
 */
@Label(value = Expect.BLOCKING, family = Families.SOCKETS, reach = "anonymous class called directly")
public class SocketInAnonymousCallableFilter implements WebFilter {
	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		Callable<Integer> probe = new Callable<>() {
			@Override
			public Integer call() throws Exception {
				InetSocketAddress address = CorpusResources.socketAddress();
				try (Socket socket = new Socket(address.getAddress(), address.getPort())) {
					return socket.getInputStream().read();
				}
			}
		};
		try {
			exchange.getAttributes().put("byte", probe.call());
		}
		catch (Exception ex) {
			return Mono.error(ex);
		}
		return chain.filter(exchange);
	}

}
