package io.asyncmiddleware.detection.corpus.blocking.sockets;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

import io.asyncmiddleware.detection.corpus.Families;
import io.asyncmiddleware.detection.corpus.Label;
import io.asyncmiddleware.detection.corpus.Label.Expect;
import io.asyncmiddleware.detection.corpus.support.CorpusResources;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Connects a blocking SocketChannel and reads from it.
 */
@Label(value = Expect.BLOCKING, family = Families.SOCKETS, reach = "direct")
public class SocketChannelFilter implements WebFilter {
	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		try (SocketChannel channel = SocketChannel.open(CorpusResources.socketAddress())) {
			exchange.getAttributes().put("read", channel.read(ByteBuffer.allocate(1)));
		}
		catch (IOException ex) {
			return Mono.error(ex);
		}
		return chain.filter(exchange);
	}

}
