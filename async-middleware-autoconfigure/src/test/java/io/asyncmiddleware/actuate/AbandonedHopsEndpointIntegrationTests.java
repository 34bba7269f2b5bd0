package io.asyncmiddleware.actuate;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.LongSupplier;

import io.asyncmiddleware.EnableAutoConfigurationWithoutRedisOrSpringSecurity;
import io.asyncmiddleware.detection.Blocking;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A hop that ignores its interrupt and outlives its timeout is visible to operators: in
 * {@code figures.abandonedHops} of {@code /actuator/middleware} and in the
 * {@code async.middleware.abandoned.hops} gauge, until its thread returns.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "async-middleware.stack=stubborn", "async-middleware.filters.stubborn.mode=isolate",
				"async-middleware.filters.stubborn.timeout=300ms", "management.endpoints.web.exposure.include=middleware" })
@AutoConfigureWebTestClient
class AbandonedHopsEndpointIntegrationTests {

	@Autowired
	private WebTestClient client;

	@Autowired
	private MeterRegistry registry;

	@Autowired
	private StubbornFilter stubborn;

	@AfterEach
	void release() {
		this.stubborn.release.countDown();
	}

	@Test
	void abandonedHopIsCountedInTheEndpointAndTheGaugeUntilItReturns() throws Exception {
		assertThat(abandonedHopsInEndpoint()).isZero();
		assertThat(abandonedHopsGauge()).isZero();
		this.client.get().uri("/stuck").exchange().expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		await("the endpoint to count the abandoned hop", this::abandonedHopsInEndpoint, 1);
		await("the gauge to count the abandoned hop", this::abandonedHopsGauge, 1);
		// its thread is still in the filter: the figure stays while nothing else happens
		assertThat(this.stubborn.returned.getCount()).isOne();
		assertThat(abandonedHopsInEndpoint()).isOne();
		this.stubborn.release.countDown();
		this.stubborn.returned.await();
		await("the endpoint to let go of the hop", this::abandonedHopsInEndpoint, 0);
		await("the gauge to let go of the hop", this::abandonedHopsGauge, 0);
	}

	private long abandonedHopsInEndpoint() {
		long[] hops = new long[1];
		this.client.get()
			.uri("/actuator/middleware")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.entries[?(@.name == 'stubborn')].figures.abandonedHops")
			.value(List.class, (values) -> {
				assertThat(values).hasSize(1);
				hops[0] = ((Number) values.get(0)).longValue();
			});
		return hops[0];
	}

	private long abandonedHopsGauge() {
		return (long) this.registry.get("async.middleware.abandoned.hops").tag("entry", "stubborn").gauge().value();
	}

	private static void await(String what, LongSupplier value, long expected) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (value.getAsLong() != expected) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Timed out waiting for " + what + ": " + value.getAsLong());
			}
			Thread.sleep(20);
		}
	}

	@SpringBootConfiguration
	@EnableAutoConfigurationWithoutRedisOrSpringSecurity
	static class App {

		@Bean
		RouterFunction<ServerResponse> routes() {
			return RouterFunctions.route().GET("/stuck", (request) -> ServerResponse.ok().bodyValue("late")).build();
		}

		@Bean
		StubbornFilter stubborn() {
			return new StubbornFilter();
		}

	}

	@Blocking("stands in for a JDBC call without a query timeout, which ignores interrupts")
	static class StubbornFilter implements WebFilter {

		final CountDownLatch release = new CountDownLatch(1);

		final CountDownLatch returned = new CountDownLatch(1);

		@Override
		public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
			if (exchange.getRequest().getPath().value().equals("/stuck")) {
				boolean interrupted = false;
				while (this.release.getCount() > 0) {
					try {
						this.release.await();
					}
					catch (InterruptedException ex) {
						// ignored, as careless blocking code does
						interrupted = true;
					}
				}
				if (interrupted) {
					Thread.currentThread().interrupt();
				}
				this.returned.countDown();
			}
			return chain.filter(exchange);
		}

	}

}
