package io.asyncmiddleware.sample;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.asyncmiddleware.metrics.EntryMetrics;
import io.asyncmiddleware.stack.MiddlewareStack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.asyncmiddleware.stack.BlockingMiddlewareException;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The three modes, watched from outside with the legacy audit filter that writes through
 * JDBC ({@code sample.audit.store=jdbc}): {@code fail} stops startup with the report,
 * {@code adapt} runs it with a WARN line, {@code isolate} runs it in a bulkhead that
 * answers 503 when full. Each application gets its own H2 database.
 */
@ExtendWith(OutputCaptureExtension.class)
class AuditModesTests {

	@Test
	void defaultConfigurationStartsCleanlyWithTheNonBlockingTwin(CapturedOutput output) {
		try (RunningApp app = RunningApp.start(database())) {
			// startup only: the run-time watchdog may judge a cold JVM's first requests
			assertThat(output.toString()).doesNotContain(" WARN ").doesNotContain(" ERROR ");
			EntityExchangeResult<byte[]> result = app.client().get().uri("/hello/").exchange().expectBody().returnResult();
			assertThat(result.getStatus().value()).isEqualTo(200);
			Map<String, Object> audit = entry(app, "auditFilter");
			assertThat(audit).containsEntry("className", "io.asyncmiddleware.sample.audit.R2dbcAuditFilter");
			assertThat(audit.get("verdict")).asString().contains("kind=non-blocking");
			assertThat(audit.get("mode")).asString().contains("applied=direct");
		}
	}

	@Test
	void failModeStopsStartupWithTheReport(CapturedOutput output) {
		assertThatExceptionOfType(Exception.class)
			.isThrownBy(() -> RunningApp.start(jdbc("fail")).close())
			.satisfies((ex) -> assertThat(rootCauses(ex)).hasAtLeastOneElementOfType(BlockingMiddlewareException.class));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("1 middleware entry blocks the event loop, and async-middleware.mode is 'fail':")
			.contains("'auditFilter' (io.asyncmiddleware.sample.audit.JdbcAuditFilter)")
			.contains("JdbcAuditFilter.filter(JdbcAuditFilter.java:")
			.contains("JDBC")
			.contains("async-middleware.filters.auditFilter.mode=adapt")
			.contains("async-middleware.filters.auditFilter.mode=isolate");
	}

	@Test
	void adaptModeRunsTheFilterOnWorkersWithAWarning(CapturedOutput output) throws SQLException {
		String[] database = database();
		try (RunningApp app = RunningApp.start(with(jdbc("adapt"), database))) {
			assertThat(output).containsPattern(" WARN .*Middleware entry 'auditFilter' "
					+ "\\(io\\.asyncmiddleware\\.sample\\.audit\\.JdbcAuditFilter\\) blocks the event loop and runs adapted");
			// BlockHound is installed in this JVM: a JDBC call on the event loop would be a 500
			EntityExchangeResult<byte[]> result = app.client().get().uri("/hello/").exchange().expectBody().returnResult();
			assertThat(result.getStatus().value()).isEqualTo(200);
			assertThat(auditRows(database, "/hello/")).isEqualTo(1);
			Map<String, Object> audit = entry(app, "auditFilter");
			assertThat(audit.get("verdict")).asString().contains("kind=blocking").contains("java.sql");
			assertThat(audit.get("mode")).asString().contains("applied=adapt");
		}
	}

	@Test
	void isolateModeAnswers503WithRetryAfterWhenTheBulkheadIsFull() throws Exception {
		String[] database = database();
		HoldingTrigger.reset();
		try (RunningApp app = RunningApp.start(with(jdbc("isolate"), database,
				"async-middleware.filters.auditFilter.max-concurrent=1",
				"async-middleware.filters.auditFilter.max-queued=0"))) {
			try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
				statement.execute("CREATE TRIGGER hold_audit BEFORE INSERT ON audit_log FOR EACH ROW CALL \""
						+ HoldingTrigger.class.getName() + "\"");
			}
			CompletableFuture<ResponseEntity<String>> held = WebClient.create(app.baseUrl())
				.get()
				.uri("/hello/")
				.retrieve()
				.toEntity(String.class)
				.toFuture();
			assertThat(HoldingTrigger.entered.await(10, TimeUnit.SECONDS)).as("first request inside the filter").isTrue();
			EntityExchangeResult<byte[]> rejected = app.client().get().uri("/hello/").exchange().expectBody().returnResult();
			HoldingTrigger.release.countDown();
			assertThat(rejected.getStatus().value()).isEqualTo(503);
			assertThat(rejected.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
			assertThat(ParityRoutesTests.body(rejected))
				.isEqualTo("Middleware 'auditFilter' is at capacity (its bulkhead and queue are full)");
			ResponseEntity<String> first = held.get(10, TimeUnit.SECONDS);
			assertThat(first.getStatusCode().value()).isEqualTo(200);
			assertThat(first.getBody()).isEqualTo("hello");
			// the client has its answer before the entry's way-out hop returns the only permit,
			// and the endpoint request below passes through the same entry
			awaitIdle(app, "auditFilter");
			Map<String, Object> audit = entry(app, "auditFilter");
			assertThat(audit.get("mode")).asString().contains("applied=isolate");
			assertThat(audit.get("figures")).asString().contains("rejected=1");
		}
	}

	@Test
	void middlewareEndpointListsTheStackInOrderWithVerdicts() {
		try (RunningApp app = RunningApp.start(database())) {
			Map<String, Object> body = middleware(app);
			List<String> stack = List.of("security", "session", "common", "csrf", "authentication", "messages",
					"x-frame-options", "gzip", "conditional-get", "auditFilter");
			assertThat(body).containsEntry("mode", "fail").containsEntry("stack", stack);
			List<Map<String, Object>> entries = entries(body);
			List<String> inStack = entries.stream()
				.filter((entry) -> "stack".equals(entry.get("placement")))
				.map((entry) -> (String) entry.get("name"))
				.toList();
			assertThat(inStack).containsExactlyElementsOf(stack);
			List<Integer> positions = entries.stream().map((entry) -> (Integer) entry.get("position")).toList();
			assertThat(positions).isSorted();
			for (Map<String, Object> entry : entries) {
				assertThat(entry.get("verdict")).as((String) entry.get("name")).asString().contains("kind=non-blocking");
				assertThat(entry).containsKeys("className", "mode", "figures");
			}
		}
	}

	private static void awaitIdle(RunningApp app, String name) throws InterruptedException {
		EntryMetrics metrics = app.context().getBean(MiddlewareStack.class).getEntry(name).orElseThrow().metrics();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (metrics.snapshot().inFlight() > 0 && System.nanoTime() < deadline) {
			Thread.sleep(10);
		}
		assertThat(metrics.snapshot().inFlight()).as(name + " in flight").isZero();
	}

	private static Map<String, Object> entry(RunningApp app, String name) {
		return entries(middleware(app)).stream()
			.filter((entry) -> name.equals(entry.get("name")))
			.findFirst()
			.orElseThrow();
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> entries(Map<String, Object> body) {
		return (List<Map<String, Object>>) body.get("entries");
	}

	private static Map<String, Object> middleware(RunningApp app) {
		return app.client()
			.get()
			.uri("/actuator/middleware")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
	}

	private static String[] jdbc(String mode) {
		return new String[] { "sample.audit.store=jdbc", "async-middleware.mode=" + mode };
	}

	/** A database of its own: the R2DBC and JDBC URLs of one fresh H2 database. */
	private static String[] database() {
		String name = "audit-" + UUID.randomUUID();
		return new String[] { "spring.r2dbc.url=r2dbc:h2:mem:///" + name + ";DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE",
				"sample.audit.jdbc.url=" + jdbcUrl(name) };
	}

	private static String jdbcUrl(String name) {
		return "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE";
	}

	private static Connection connect(String[] database) throws SQLException {
		return DriverManager.getConnection(database[1].substring("sample.audit.jdbc.url=".length()), "sa", "");
	}

	private static int auditRows(String[] database, String path) throws SQLException {
		try (Connection connection = connect(database);
				ResultSet rows = connection.createStatement()
					.executeQuery("SELECT count(*) FROM audit_log WHERE store = 'jdbc' AND path = '" + path + "'")) {
			rows.next();
			return rows.getInt(1);
		}
	}

	private static String[] with(String[] first, String[] second, String... more) {
		List<String> all = new java.util.ArrayList<>(List.of(first));
		all.addAll(List.of(second));
		all.addAll(List.of(more));
		return all.toArray(String[]::new);
	}

	private static List<Throwable> rootCauses(Throwable ex) {
		List<Throwable> causes = new java.util.ArrayList<>();
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			causes.add(cause);
		}
		return causes;
	}

}
