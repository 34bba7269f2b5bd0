package io.asyncmiddleware.autoconfigure.session;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.asyncmiddleware.middleware.session.TestServer;
import io.asyncmiddleware.stack.BuiltInMiddleware;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration;
import org.springframework.boot.session.autoconfigure.SessionAutoConfiguration;
import org.springframework.boot.session.data.redis.autoconfigure.SessionDataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A Redis outage with sessions in Redis: this test runs its own {@code redis-server} on a
 * free port, stops it while the application runs and starts it again on the same port.
 * While it is down, session routes answer {@code 503} with {@code Retry-After} within a
 * second (Lettuce's defaults: a 60 s hang, then a 500), as they do while Redis is up but
 * not answering; session-free routes answer as usual; once it is back, sessions work again without a restart. Skipped when
 * {@code redis-server} is not installed.
 */
class SessionStoreOutageIntegrationTests {

	private static final Duration WITHIN = Duration.ofSeconds(1);

	@TempDir
	Path directory;

	private int port;

	private @Nullable Process redis;

	@BeforeEach
	void startRedis() throws Exception {
		String binary = redisServer();
		assumeTrue(binary != null, "redis-server is not on the PATH: skipping the Redis outage test "
				+ "(install Redis, e.g. apt-get install redis-server, to run it)");
		try (ServerSocket socket = new ServerSocket(0)) {
			this.port = socket.getLocalPort();
		}
		this.redis = launch(binary);
	}

	@AfterEach
	void stopRedis() throws InterruptedException {
		stop();
	}

	@Test
	void sessionRoutesAnswer503WithRetryAfterDuringAnOutageAndRecoverWithoutRestart() {
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(SessionMiddlewareAutoConfiguration.class,
					SessionDataRedisAutoConfiguration.class, SessionAutoConfiguration.class,
					DataRedisAutoConfiguration.class, DataRedisReactiveAutoConfiguration.class))
			.withBean(ServerProperties.class)
			.withPropertyValues("spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + this.port)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				// connect on this thread, not on the first request's event loop
				assertThat(context.getBean(ReactiveStringRedisTemplate.class).hasKey("warm-up").block()).isFalse();
				BuiltInMiddleware entry = context.getBean(BuiltInMiddleware.class);
				try (TestServer server = TestServer.start(routes(), List.of(entry.filterFactory().get()))) {
					EntityExchangeResult<String> before = get(server, "/increment/", null);
					assertThat(before.getStatus()).isEqualTo(HttpStatus.OK);
					String key = TestServer.sessionKey(before.getResponseHeaders());
					assertThat(key).isNotNull();

					// Redis alive but not answering (a long command, a stalled host): the
					// command timeout answers, not Lettuce's 60 s
					try (Socket sleeper = hangRedis(2)) {
						// the 500 ms command timeout, plus Lettuce's timer tick and a
						// shared CI machine's scheduling
						assertUnavailable(server, "/increment/", key, Duration.ofMillis(1500));
					}
					awaitRecovery(server);

					stop();

					// loading the session for the view
					assertUnavailable(server, "/increment/", key, WITHIN);
					// saving a new session on the way out (the view never loaded one)
					assertUnavailable(server, "/write/", null, WITHIN);
					EntityExchangeResult<String> free = get(server, "/plain/", key);
					assertThat(free.getStatus()).isEqualTo(HttpStatus.OK);
					assertThat(free.getResponseBody()).isEqualTo("no session");

					this.redis = launch(redisServer());
					EntityExchangeResult<String> after = awaitRecovery(server);
					assertThat(after.getResponseBody()).isEqualTo("1");
					assertThat(TestServer.sessionKey(after.getResponseHeaders())).isNotNull();
				}
			});
	}

	private static void assertUnavailable(TestServer server, String path, @Nullable String key, Duration within) {
		long start = System.nanoTime();
		EntityExchangeResult<String> result = get(server, path, key);
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		System.out.printf("Redis unavailable: GET %s answered %s in %d ms%n", path, result.getStatus(), took.toMillis());
		assertThat(result.getStatus()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(took).isLessThan(within);
		assertThat(result.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
		assertThat(result.getResponseHeaders().get(HttpHeaders.SET_COOKIE)).isNull();
		assertThat(result.getResponseBody()).contains("Session store unavailable");
	}

	/**
	 * Makes Redis busy for the given seconds with {@code DEBUG SLEEP}, sent on a
	 * connection of its own.
	 */
	private Socket hangRedis(int seconds) throws IOException {
		Socket socket = new Socket("127.0.0.1", this.port);
		String sleep = Integer.toString(seconds);
		socket.getOutputStream()
			.write(("*3\r\n$5\r\nDEBUG\r\n$5\r\nSLEEP\r\n$" + sleep.length() + "\r\n" + sleep + "\r\n")
				.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
		socket.getOutputStream().flush();
		return socket;
	}

	private static EntityExchangeResult<String> awaitRecovery(TestServer server) throws InterruptedException {
		long start = System.nanoTime();
		long deadline = start + TimeUnit.SECONDS.toNanos(30);
		EntityExchangeResult<String> result;
		do {
			result = get(server, "/increment/", null);
			if (result.getStatus() == HttpStatus.OK) {
				System.out.printf("Redis back: first 200 after %d ms%n",
						TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
				return result;
			}
			Thread.sleep(100);
		}
		while (System.nanoTime() < deadline);
		throw new AssertionError("no 200 within 30 s of Redis returning; last: " + result.getStatus());
	}

	private static EntityExchangeResult<String> get(TestServer server, String path, @Nullable String key) {
		return server.client()
			.get()
			.uri(path)
			.headers((headers) -> {
				if (key != null) {
					headers.add(HttpHeaders.COOKIE, "sessionid=" + key);
				}
			})
			.exchange()
			.expectBody(String.class)
			.returnResult();
	}

	private static RouterFunction<ServerResponse> routes() {
		return RouterFunctions.route()
			.GET("/increment/", (request) -> request.session().flatMap((session) -> {
				Integer n = session.getAttributeOrDefault("n", 0) + 1;
				session.getAttributes().put("n", n);
				return ServerResponse.ok().bodyValue(n.toString());
			}))
			.GET("/write/", (request) -> request.session().flatMap((session) -> {
				session.getAttributes().put("n", 1);
				return ServerResponse.ok().bodyValue("written");
			}))
			.GET("/plain/", (request) -> ServerResponse.ok().bodyValue("no session"))
			.build();
	}

	private Process launch(@Nullable String binary) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(binary, "--port", Integer.toString(this.port), "--bind", "127.0.0.1",
				"--save", "", "--appendonly", "no", "--dir", this.directory.toString(), "--enable-debug-command", "local")
			.redirectErrorStream(true)
			.redirectOutput(this.directory.resolve("redis.log").toFile())
			.start();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (System.nanoTime() < deadline) {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("127.0.0.1", this.port), 200);
				return process;
			}
			catch (IOException notYet) {
				assertThat(process.isAlive()).as(() -> "redis-server exited: " + log()).isTrue();
				Thread.sleep(20);
			}
		}
		process.destroyForcibly();
		throw new AssertionError("redis-server did not listen on " + this.port + " within 10 s: " + log());
	}

	private void stop() throws InterruptedException {
		Process process = this.redis;
		this.redis = null;
		if (process != null) {
			process.destroy();
			if (!process.waitFor(10, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor();
			}
		}
	}

	private String log() {
		try {
			return Files.readString(this.directory.resolve("redis.log"));
		}
		catch (IOException ex) {
			return "(no log: " + ex + ")";
		}
	}

	private static @Nullable String redisServer() {
		String path = System.getenv("PATH");
		if (path == null) {
			return null;
		}
		for (String entry : path.split(File.pathSeparator)) {
			File candidate = new File(entry, "redis-server");
			if (candidate.canExecute()) {
				return candidate.getAbsolutePath();
			}
		}
		return null;
	}

}
