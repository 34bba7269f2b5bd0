package io.asyncmiddleware.sample;

import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The servers of the {@code production} profile: Redis and PostgreSQL at 127.0.0.1 (or
 * {@code REDIS_HOST}/{@code POSTGRES_HOST}). Tests marked {@link Required} are skipped,
 * with the reason, when either is unreachable; otherwise the test schema is created.
 */
final class ProductionServers implements ExecutionCondition, BeforeAllCallback {

	/** The PostgreSQL schema the tests use, so that they never touch other tables. */
	static final String SCHEMA = "sample_app_test";

	static final String REDIS_HOST = env("REDIS_HOST", "127.0.0.1");

	static final int REDIS_PORT = Integer.parseInt(env("REDIS_PORT", "6379"));

	static final String POSTGRES_HOST = env("POSTGRES_HOST", "127.0.0.1");

	static final int POSTGRES_PORT = Integer.parseInt(env("POSTGRES_PORT", "5432"));

	static final String POSTGRES_DB = env("POSTGRES_DB", "test");

	static final String POSTGRES_USER = env("POSTGRES_USER", "postgres");

	/** Points the production profile at the test schema. */
	static final String TEST_SCHEMA = "POSTGRES_SCHEMA=" + SCHEMA;

	/**
	 * The secret the production profile takes from the environment only (it has no
	 * fallback): what a deployment would set as {@code SECRET_KEY}.
	 */
	static final String SECRET_KEY = "SECRET_KEY=sample-app-production-tests-9f3Kq7Zt2Lm8Xw4Rb6Nc1Vd5Hj0Gp";

	// The tests talk plain HTTP to the app, not through the TLS proxy the production
	// profile expects: no HTTPS redirect, no Secure cookies, so the deploy check (which
	// would then stop startup) only warns. ProductionDeployCheckTests runs it as configured.
	static final String NO_SSL_REDIRECT = "async-middleware.security.ssl-redirect=false";

	static final String NO_SECURE_SESSION_COOKIE = "async-middleware.session.cookie-secure=false";

	static final String NO_SECURE_CSRF_COOKIE = "async-middleware.csrf.cookie-secure=false";

	static final String NO_SECURE_MESSAGES_COOKIE = "async-middleware.messages.cookie-secure=false";

	static final String DEPLOY_CHECK_WARNS = "async-middleware.deploy-check.mode=warn";

	/** The production profile against the test schema, over plain HTTP. */
	static final String[] PROPERTIES = { TEST_SCHEMA, SECRET_KEY, NO_SSL_REDIRECT, NO_SECURE_SESSION_COOKIE,
			NO_SECURE_CSRF_COOKIE, NO_SECURE_MESSAGES_COOKIE, DEPLOY_CHECK_WARNS };

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (!reachable(REDIS_HOST, REDIS_PORT)) {
			return ConditionEvaluationResult.disabled("Skipped: no Redis at " + REDIS_HOST + ":" + REDIS_PORT
					+ " for the production profile (start redis-server, or set REDIS_HOST/REDIS_PORT)");
		}
		if (!reachable(POSTGRES_HOST, POSTGRES_PORT)) {
			return ConditionEvaluationResult.disabled("Skipped: no PostgreSQL at " + POSTGRES_HOST + ":"
					+ POSTGRES_PORT + " for the production profile (start PostgreSQL, or set POSTGRES_HOST/POSTGRES_PORT)");
		}
		return ConditionEvaluationResult.enabled("Redis and PostgreSQL are reachable");
	}

	@Override
	public void beforeAll(ExtensionContext context) throws SQLException {
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE SCHEMA IF NOT EXISTS " + SCHEMA);
		}
	}

	static Connection connect() throws SQLException {
		return DriverManager.getConnection("jdbc:postgresql://" + POSTGRES_HOST + ":" + POSTGRES_PORT + "/"
				+ POSTGRES_DB + "?currentSchema=" + SCHEMA, POSTGRES_USER, env("POSTGRES_PASSWORD", ""));
	}

	private static boolean reachable(String host, int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(host, port), 1000);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isEmpty()) ? value : fallback;
	}

	/**
	 * Runs the annotated tests only when Redis and PostgreSQL are reachable.
	 */
	@Target(ElementType.TYPE)
	@Retention(RetentionPolicy.RUNTIME)
	@ExtendWith(ProductionServers.class)
	@interface Required {

	}

}
