package io.asyncmiddleware.detection.corpus.safe.sockets;

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
import reactor.core.scheduler.Schedulers;

/**
 * Connects a Socket in fromCallable subscribed on boundedElastic.
 */
@Label(value = Expect.SAFE, family = Families.SOCKETS, reach = "subscribeOn worker")
public class SocketOnBoundedElasticFilter implements WebFilter {
	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return Mono.fromCallable(() -> {
			InetSocketAddress address = CorpusResources.socketAddress();
			try (Socket socket = new Socket(address.getAddress(), address.getPort())) {
				return socket.getInputStream().read();
			}
		}).subscribeOn(Schedulers.boundedElastic()).then(chain.filter(exchange));
	}

}
