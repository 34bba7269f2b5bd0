package io.asyncmiddleware.netty;

import io.netty.channel.ChannelPipeline;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;

/**
 * Puts a {@link PipelinedRequestHold} in front of Reactor Netty's HTTP/1.1 traffic handler
 * on every connection of the embedded server.
 *
 * <p>Connections without that handler when they are set up, or with a cleartext HTTP/2
 * upgrade handler, are left alone: on a server with HTTP/2 enabled the HTTP/1.1 handlers
 * are added later (after protocol negotiation), and HTTP/2 has streams, not pipelining.
 */
public final class PipelinedRequestHoldCustomizer implements NettyServerCustomizer {

	@Override
	public HttpServer apply(HttpServer server) {
		return server.doOnChannelInit((observer, channel, remoteAddress) -> install(channel.pipeline()));
	}

	static void install(ChannelPipeline pipeline) {
		// Reactor Netty has added its own HTTP handlers before the callbacks of doOnChannelInit run
		if (pipeline.get(NettyPipeline.HttpTrafficHandler) != null && pipeline.get(NettyPipeline.H2CUpgradeHandler) == null
				&& pipeline.get(PipelinedRequestHold.NAME) == null) {
			pipeline.addBefore(NettyPipeline.HttpTrafficHandler, PipelinedRequestHold.NAME, new PipelinedRequestHold());
		}
	}

}
