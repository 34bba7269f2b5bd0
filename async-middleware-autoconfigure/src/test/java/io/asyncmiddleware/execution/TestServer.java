package io.asyncmiddleware.execution;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.LoopResources;

import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebHandler;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;

/**
 * A real Reactor Netty server on a random port with ONE event loop, so that anything
 * blocking that loop would stall every other request, running the given filters in
 * front of a handler that records its thread and answers {@code ok}.
 */
final class TestServer implements AutoCloseable {

	private final LoopResources loops = LoopResources.create("reactor-http", 1, true);

	private final DisposableServer server;

	private final AtomicInteger handled = new AtomicInteger();

	TestServer(ThreadLog log, List<WebFilter> filters) {
		this(filters, null, log);
	}

	TestServer(List<WebFilter> filters, WebHandler handler) {
		this(filters, handler, null);
	}

	private TestServer(List<WebFilter> filters, @Nullable WebHandler handler, @Nullable ThreadLog log) {
		WebHandler target = (handler != null) ? handler : (exchange) -> {
			if (log != null) {
				log.record("handler");
			}
			this.handled.incrementAndGet();
			return exchange.getResponse()
				.writeWith(Mono.fromSupplier(
						() -> exchange.getResponse().bufferFactory().wrap("ok".getBytes(StandardCharsets.UTF_8))));
		};
		HttpHandler httpHandler = WebHttpHandlerBuilder.webHandler(target).filters((f) -> f.addAll(filters)).build();
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.runOn(this.loops)
			.handle(new ReactorHttpHandlerAdapter(httpHandler))
			.bindNow();
	}

	WebTestClient client() {
		return WebTestClient.bindToServer().baseUrl(baseUrl()).responseTimeout(Duration.ofSeconds(30)).build();
	}

	WebClient webClient() {
		return WebClient.create(baseUrl());
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.server.port();
	}

	int handled() {
		return this.handled.get();
	}

	@Override
	public void close() {
		this.server.disposeNow();
		this.loops.disposeLater(Duration.ZERO, Duration.ofSeconds(5)).block(Duration.ofSeconds(10));
	}

	/**
	 * Waits on the JUnit thread (never on an event loop) for a condition to hold.
	 */
	static void await(String what, BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Timed out waiting for " + what);
			}
			Thread.sleep(10);
		}
	}

}
