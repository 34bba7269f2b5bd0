package io.asyncmiddleware.execution;

import io.asyncmiddleware.metrics.EntryMetrics;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Schedulers;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.handler.DefaultWebFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link EventLoopScheduler} off Reactor Netty.
 */
class EventLoopSchedulerTests {

	@Test
	void offAnEventLoopFallsBackToTheParallelScheduler() {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/"));
		assertThat(EventLoopScheduler.of(exchange)).isSameAs(Schedulers.parallel());
	}

	@Test
	void adaptedEntryOffNettyContinuesOnTheParallelScheduler() {
		ThreadLog log = new ThreadLog();
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/"));
		WebFilter adapted = WorkerHopWebFilter.adapted("audit", Fixtures.blocking("audit", log), Schedulers.boundedElastic(),
				new EntryMetrics());
		new DefaultWebFilterChain((ex) -> {
			log.record("handler");
			return ex.getResponse().setComplete();
		}, List.of(adapted)).filter(exchange).block(Duration.ofSeconds(20));
		assertThat(log.threadsOf("audit.body")).singleElement().is(ThreadLog.BOUNDED_ELASTIC);
		assertThat(log.threadsOf("handler")).singleElement().satisfies((name) -> assertThat(name).startsWith("parallel-"));
	}

}
