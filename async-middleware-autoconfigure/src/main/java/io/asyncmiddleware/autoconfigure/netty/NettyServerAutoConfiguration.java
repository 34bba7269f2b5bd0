package io.asyncmiddleware.autoconfigure.netty;

import io.asyncmiddleware.autoconfigure.ConditionalOnAsyncMiddleware;
import io.asyncmiddleware.netty.PipelinedRequestHoldCustomizer;
import io.asyncmiddleware.netty.ServerAnsweredExceptionHandler;
import reactor.netty.http.server.HttpServer;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.boot.reactor.netty.autoconfigure.NettyReactiveWebServerAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of the embedded Reactor Netty server: every HTTP/1.1 request gets an
 * answer, pipelined or not ({@link io.asyncmiddleware.netty.PipelinedRequestHold};
 * {@code async-middleware.netty.hold-pipelined-requests=false} turns it off), and a
 * request Reactor Netty answered by itself is not logged as a server error
 * ({@link ServerAnsweredExceptionHandler}).
 */
@AutoConfiguration(before = NettyReactiveWebServerAutoConfiguration.class)
@ConditionalOnAsyncMiddleware
@ConditionalOnClass({ HttpServer.class, NettyServerCustomizer.class })
public final class NettyServerAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = "async-middleware.netty.hold-pipelined-requests", matchIfMissing = true)
	PipelinedRequestHoldCustomizer pipelinedRequestHoldCustomizer() {
		return new PipelinedRequestHoldCustomizer();
	}

	@Bean
	@ConditionalOnMissingBean
	ServerAnsweredExceptionHandler serverAnsweredExceptionHandler() {
		return new ServerAnsweredExceptionHandler();
	}

}
