package io.asyncmiddleware.autoconfigure.netty;

import io.asyncmiddleware.netty.PipelinedRequestHoldCustomizer;
import io.asyncmiddleware.netty.ServerAnsweredExceptionHandler;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class NettyServerAutoConfigurationTests {

	private final ReactiveWebApplicationContextRunner contextRunner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(NettyServerAutoConfiguration.class));

	@Test
	void holdsPipelinedRequestsByDefault() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(PipelinedRequestHoldCustomizer.class)
			.getBean(NettyServerCustomizer.class)
			.isInstanceOf(PipelinedRequestHoldCustomizer.class));
	}

	@Test
	void holdPipelinedRequestsFalseLeavesTheServerAsItIs() {
		this.contextRunner.withPropertyValues("async-middleware.netty.hold-pipelined-requests=false")
			.run((context) -> assertThat(context).doesNotHaveBean(NettyServerCustomizer.class)
				.hasSingleBean(ServerAnsweredExceptionHandler.class));
	}

	@Test
	void requestsTheServerAnsweredItselfAreNotServerErrors() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(ServerAnsweredExceptionHandler.class));
	}

	@Test
	void theStarterTurnedOffLeavesTheServerAsItIs() {
		this.contextRunner.withPropertyValues("async-middleware.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(NettyServerCustomizer.class)
				.doesNotHaveBean(ServerAnsweredExceptionHandler.class));
	}

	@Test
	void notInAServletApplication() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(NettyServerAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(NettyServerCustomizer.class));
	}

}
