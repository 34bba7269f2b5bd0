package io.asyncmiddleware.detection.corpus.blocking.sockets;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

import io.asyncmiddleware.detection.corpus.Families;
import io.asyncmiddleware.detection.corpus.Label;
import io.asyncmiddleware.detection.corpus.Label.Expect;
import io.asyncmiddleware.detection.corpus.support.CorpusResources;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Connects a Socket and reads a byte.
 */
@Label(value = Expect.BLOCKING, family = Families.SOCKETS, reach = "direct")
public class SocketConnectReadFilter implements WebFilter {
	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		InetSocketAddress address = CorpusResources.socketAddress();
		try (Socket socket = new Socket(address.getAddress(), address.getPort())) {
			exchange.getAttributes().put("byte", socket.getInputStream().read());
		}
		catch (IOException ex) {
			return Mono.error(ex);
		}
		return chain.filter(exchange);
	}

}
