package io.asyncmiddleware.detection.runtime;

import java.lang.reflect.Method;
import java.time.Duration;

import io.asyncmiddleware.EnableAutoConfigurationWithoutRedisOrSpringSecurity;
import io.asyncmiddleware.detection.NonBlocking;
import reactor.core.publisher.Mono;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Run in a JVM of its own by {@link BackstopWithinOneRequestTests} (the test JVM has
 * BlockHound installed to throw): starts a WebFlux server whose stack holds two entries
 * judged non-blocking that block on the event loop, sends one request, and prints what
 * {@code /actuator/middleware} says right after. The arguments are the application's.
 * Each sleeps 250 ms: the watchdog looks every 2 ms, and a hold it never sampled
 * within the warm-up window counts as warm-up (no evidence of blocking), so the sleep is
 * long enough to be seen on a busy machine (50 ms went unsampled once, at load average
 * 5 on two cores, while other builds ran).
 */
public final class BackstopProbe {

	static final String BEGIN = "PROBE-ENDPOINT-BEGIN";

	static final String END = "PROBE-ENDPOINT-END";

	private BackstopProbe() {
	}

	public static void main(String[] args) {
		String[] properties = new String[args.length + 4];
		properties[0] = "--server.port=0";
		properties[1] = "--server.address=127.0.0.1";
		properties[2] = "--async-middleware.stack=liar,reflective";
		properties[3] = "--management.endpoints.web.exposure.include=middleware";
		System.arraycopy(args, 0, properties, 4, args.length);
		int status = 0;
		try (ConfigurableApplicationContext context = SpringApplication.run(App.class, properties)) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			WebTestClient client = WebTestClient.bindToServer()
				.baseUrl("http://127.0.0.1:" + port)
				.responseTimeout(Duration.ofSeconds(30))
				.build();
			// one request, then straight to the endpoint
			client.get().uri("/hello").exchange().expectStatus().isOk();
			byte[] body = client.get()
				.uri("/actuator/middleware")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.returnResult()
				.getResponseBody();
			System.out.println(BEGIN);
			System.out.println(new String(body, java.nio.charset.StandardCharsets.UTF_8));
			System.out.println(END);
		}
		catch (Throwable ex) {
			ex.printStackTrace();
			status = 1;
		}
		System.exit(status);
	}

	@SpringBootConfiguration
	@EnableAutoConfigurationWithoutRedisOrSpringSecurity
	static class App {

		@Bean
		RouterFunction<ServerResponse> routes() {
			return RouterFunctions.route().GET("/hello", (request) -> ServerResponse.ok().bodyValue("hello")).build();
		}

		@Bean
		LiarFilter liar() {
			return new LiarFilter();
		}

		@Bean
		ReflectiveFilter reflective() {
			return new ReflectiveFilter();
		}

	}

	/**
	 * Declared non-blocking, so startup detection trusts it; it sleeps on the event loop.
	 */
	@NonBlocking("wrongly: it sleeps")
	static class LiarFilter implements WebFilter {

		@Override
		public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
			// not on the endpoint's own request, which would count twice
			if (isHello(exchange)) {
				Pause.sleep(250);
			}
			return chain.filter(exchange);
		}

	}

	/**
	 * Calls its work through reflection, which the scan cannot follow: judged
	 * non-blocking with low certainty, so it gets the lower hold budget.
	 */
	static class ReflectiveFilter implements WebFilter {

		private final Method work;

		ReflectiveFilter() {
			try {
				this.work = Pause.class.getDeclaredMethod("sleep", long.class);
			}
			catch (NoSuchMethodException ex) {
				throw new IllegalStateException(ex);
			}
		}

		@Override
		public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
			try {
				if (isHello(exchange)) {
					this.work.invoke(null, 250L);
				}
			}
			catch (ReflectiveOperationException ex) {
				return Mono.error(ex);
			}
			return chain.filter(exchange);
		}

	}

	static boolean isHello(ServerWebExchange exchange) {
		return exchange.getRequest().getPath().value().equals("/hello");
	}

	static final class Pause {

		private Pause() {
		}

		static void sleep(long millis) {
			try {
				Thread.sleep(millis);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

}
