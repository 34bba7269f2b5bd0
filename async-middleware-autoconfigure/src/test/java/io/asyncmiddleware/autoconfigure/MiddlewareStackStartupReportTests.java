package io.asyncmiddleware.autoconfigure;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.asyncmiddleware.autoconfigure.StackFixtures.SleepingFilterConfiguration;
import io.asyncmiddleware.autoconfigure.StackFixtures.TracingFilters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MiddlewareStackStartupReport}: one INFO block saying what was
 * assembled, and nothing said about entries the stack does not name.
 */
@ExtendWith(OutputCaptureExtension.class)
class MiddlewareStackStartupReportTests {

	private static final String HEADING = "Middleware chain (async-middleware.mode=";

	private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(starterAutoConfigurations()));

	@Test
	void logsTheChainOnceInOrderWithPlacementVerdictAndMode(CapturedOutput output) {
		this.runner.withUserConfiguration(TracingFilters.class, SleepingFilterConfiguration.class)
			.withPropertyValues("async-middleware.stack=security,sleeping,session,csrf", "async-middleware.mode=adapt",
					"async-middleware.order=0")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				String report = report(output.getOut());
				List<String> lines = report.lines().toList();
				assertThat(lines.get(0)).isEqualTo(HEADING + "adapt): 7 filters, then the handler");
				// 'early' (order -500) runs before the stack block, 'second' (5) and 'first' (10)
				// after it; the view position (Django's process_view) is dispatch's, not a filter
				assertThat(lines.subList(1, lines.size())).containsExactly(
						"  #  name      placement  verdict                  runs",
						"  1  early     outside    non-blocking             direct",
						"  2  security  stack      non-blocking             direct",
						"  3  sleeping  stack      blocking                 adapt",
						"  4  session   stack      non-blocking (declared)  direct",
						"  5  csrf      stack      non-blocking             direct",
						"  6  second    outside    non-blocking             direct",
						"  7  first     outside    non-blocking             direct",
						"  -  handler");
				assertThat(occurrences(output.getOut(), HEADING)).isOne();
			});
	}

	@Test
	void theReportIsOneLogEvent(CapturedOutput output) {
		this.runner.withPropertyValues("async-middleware.stack=security").run((context) -> {
			// one event: the logger's prefix (level, logger name) appears once for the block
			assertThat(occurrences(output.getOut(), "MiddlewareStackStartupReport")).isOne();
			assertThat(report(output.getOut())).containsPattern("(?m)^  1  security +stack +non-blocking +direct$");
		});
	}

	@Test
	void anEmptyStackSaysSo(CapturedOutput output) {
		this.runner.run((context) -> assertThat(report(output.getOut()))
			.startsWith(HEADING + "fail): 0 filters, then the handler; async-middleware.stack is empty"));
	}

	@Test
	void entriesTheStackDoesNotNameSayNothing(CapturedOutput output) {
		this.runner.withPropertyValues("async-middleware.stack=security,session,common,csrf,x-frame-options")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output).doesNotContain("async-middleware.messages.signing-key")
					.doesNotContain("async-middleware.authentication.secret-key");
			});
	}

	@Test
	void entriesTheStackNamesStillWarnAboutTheirSettings(CapturedOutput output) {
		this.runner.withPropertyValues("async-middleware.stack=security,session,authentication,messages")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output).contains("No async-middleware.messages.signing-key set")
					.contains("async-middleware.authentication.secret-key is not set");
			});
	}

	@Test
	void showsWhereSpringSecuritysChainRuns(CapturedOutput output) {
		this.runner.withUserConfiguration(PermitAllSecurity.class)
			.withPropertyValues("async-middleware.stack=security,session")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				// Spring's own filter, at its own order (-100): after the stack block (-200)
				assertThat(report(output.getOut())).containsPattern(
						"(?m)^  2  session +stack .*\\n  3  \\S+ +framework +non-blocking +direct$");
			});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableWebFluxSecurity
	static class PermitAllSecurity {

		@Bean
		SecurityWebFilterChain permitAll(ServerHttpSecurity http) {
			return http.authorizeExchange((exchanges) -> exchanges.anyExchange().permitAll()).build();
		}

	}

	private static String report(String output) {
		int start = output.indexOf(HEADING);
		assertThat(start).as("the startup report in:%n%s", output).isNotNegative();
		int end = output.indexOf("-  handler", start);
		assertThat(end).isPositive();
		return output.substring(start, end + "-  handler".length());
	}

	private static int occurrences(String output, String text) {
		Matcher matcher = Pattern.compile(Pattern.quote(text)).matcher(output);
		int count = 0;
		while (matcher.find()) {
			count++;
		}
		return count;
	}

	static Class<?>[] starterAutoConfigurations() {
		ClassLoader classLoader = MiddlewareStackStartupReportTests.class.getClassLoader();
		return ImportCandidates.load(AutoConfiguration.class, classLoader)
			.getCandidates()
			.stream()
			.filter((candidate) -> candidate.startsWith("io.asyncmiddleware."))
			.map((name) -> {
				try {
					return Class.forName(name, false, classLoader);
				}
				catch (ClassNotFoundException ex) {
					throw new IllegalStateException(ex);
				}
			})
			.toArray(Class<?>[]::new);
	}

}
