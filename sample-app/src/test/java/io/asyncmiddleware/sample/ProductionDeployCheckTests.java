package io.asyncmiddleware.sample;

import io.asyncmiddleware.autoconfigure.check.DeployCheckFailureAnalyzer;
import io.asyncmiddleware.check.DeployCheckException;
import io.asyncmiddleware.check.DeployFinding;
import org.junit.jupiter.api.Test;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The {@code production} profile as configured runs the deploy check in {@code fail}
 * mode: it starts with {@code SECRET_KEY} from the environment (here a property, as
 * Spring resolves {@code ${SECRET_KEY}} from either) and refuses to start without it.
 * Skipped when Redis or PostgreSQL is unreachable.
 */
@ProductionServers.Required
class ProductionDeployCheckTests {

	private static final String[] PRODUCTION = { "production" };

	@Test
	void passesWithTheSecretFromTheEnvironment() {
		try (RunningApp app = RunningApp.start(PRODUCTION, ProductionServers.TEST_SCHEMA, ProductionServers.SECRET_KEY)) {
			// as configured: plain HTTP is redirected to HTTPS
			app.client()
				.get()
				.uri("/session/")
				.exchange()
				.expectStatus()
				.isEqualTo(301)
				.expectHeader()
				.value(HttpHeaders.LOCATION, (location) -> assertThat(location).startsWith("https://"));
		}
	}

	@Test
	void failsWithAReportWithoutTheSecret() {
		// an empty property wins over a SECRET_KEY the environment running the tests may have
		Throwable failure = catchThrowable(
				() -> RunningApp.start(PRODUCTION, ProductionServers.TEST_SCHEMA, "SECRET_KEY=").close());
		DeployCheckException check = deployCheckException(failure);
		assertThat(check.getFindings()).extracting(DeployFinding::id, DeployFinding::setting)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("async_middleware.W001",
					"async-middleware.authentication.secret-key not set"),
					org.assertj.core.groups.Tuple.tuple("async_middleware.W001",
							"async-middleware.messages.signing-key not set"));
		FailureAnalysis analysis = new DeployCheckFailureAnalyzer().analyze(failure);
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).contains("found 2 insecure setting(s)",
				"async_middleware.W001  async-middleware.authentication.secret-key not set",
				"fix: set async-middleware.authentication.secret-key to the same long random secret on every instance");
	}

	private static DeployCheckException deployCheckException(Throwable failure) {
		Throwable current = failure;
		while (current != null && !(current instanceof DeployCheckException)) {
			current = current.getCause();
		}
		assertThat(current).as("startup failure caused by the deploy check: %s", failure)
			.isInstanceOf(DeployCheckException.class);
		return (DeployCheckException) current;
	}

}
