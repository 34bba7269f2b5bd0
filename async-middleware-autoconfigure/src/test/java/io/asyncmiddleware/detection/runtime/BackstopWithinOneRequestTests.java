package io.asyncmiddleware.detection.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The run-time backstop's promise: an entry judged non-blocking that blocks shows on
 * {@code /actuator/middleware} after one request, with where it blocked. Each case runs
 * {@link BackstopProbe} in a JVM of its own: this one has BlockHound installed to throw,
 * and BlockHound's report mode installs once per JVM.
 */
class BackstopWithinOneRequestTests {

	@Test
	void watchdogInTheDefaultConfigurationCountsTheHoldWithItsStack() throws Exception {
		String json = runProbe(false);
		Map<String, Object> liar = figures(json, "liar");
		assertThat(liar).containsEntry("stalls", 1).containsEntry("holdBudgetMs", 10.0);
		assertThat((Double) liar.get("maxStallMs")).isGreaterThanOrEqualTo(250.0);
		assertThat((String) liar.get("lastStallStack")).contains("at java.lang.Thread.sleep")
			.contains("at " + BackstopProbe.LiarFilter.class.getName() + ".filter(");
		assertThat(liar).containsEntry("blockingCalls", 0);
		assertThat(verdict(json, "liar")).containsEntry("source", "declared").containsEntry("certainty", "high");
		Map<String, Object> reflective = figures(json, "reflective");
		assertThat(reflective).containsEntry("stalls", 1).containsEntry("holdBudgetMs", 2.0);
		assertThat((String) reflective.get("lastStallStack")).contains("at java.lang.Thread.sleep");
		assertThat(verdict(json, "reflective")).containsEntry("kind", "non-blocking").containsEntry("certainty", "low");
		assertThat(JsonPath.<List<String>>read(json, "$.entries[?(@.name == 'reflective')].verdict.doubts[0]"))
			.singleElement()
			.asString()
			.startsWith("reflective call Method.invoke");
	}

	@Test
	void blockHoundReportModeCountsTheCallWithItsStack() throws Exception {
		String json = runProbe(true, "--async-middleware.detection.runtime.blockhound=true");
		for (String entry : List.of("liar", "reflective")) {
			Map<String, Object> figures = figures(json, entry);
			assertThat(figures).as(entry).containsEntry("blockingCalls", 1);
			assertThat((String) figures.get("lastBlockingCall")).as(entry).startsWith("java.lang.Thread.sleep");
			assertThat((String) figures.get("lastBlockingCallStack")).as(entry)
				.contains("at " + BackstopProbe.Pause.class.getName() + ".sleep(");
		}
		assertThat((String) figures(json, "liar").get("lastBlockingCallStack"))
			.contains("at " + BackstopProbe.LiarFilter.class.getName() + ".filter(");
	}

	private static Map<String, Object> figures(String json, String entry) {
		List<Map<String, Object>> found = JsonPath.read(json, "$.entries[?(@.name == '" + entry + "')].figures");
		assertThat(found).as("entry %s in %s", entry, json).hasSize(1);
		return found.get(0);
	}

	private static Map<String, Object> verdict(String json, String entry) {
		List<Map<String, Object>> found = JsonPath.read(json, "$.entries[?(@.name == '" + entry + "')].verdict");
		return found.get(0);
	}

	// runs on the JUnit main thread: waiting for the child JVM blocks no event loop
	private static String runProbe(boolean blockHoundFlags, String... arguments)
			throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		if (blockHoundFlags) {
			command.add(RuntimeBlockingDetection.REDEFINITION_FLAG);
			if (Runtime.version().feature() >= 21) {
				command.add("-XX:+EnableDynamicAgentLoading");
			}
		}
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(BackstopProbe.class.getName());
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		byte[] output = process.getInputStream().readAllBytes();
		boolean exited = process.waitFor(120, TimeUnit.SECONDS);
		String text = new String(output, StandardCharsets.UTF_8);
		if (!exited) {
			process.destroyForcibly();
		}
		assertThat(exited).as("probe exited; output:%n%s", text).isTrue();
		int begin = text.indexOf(BackstopProbe.BEGIN);
		int end = text.indexOf(BackstopProbe.END);
		assertThat(begin).as("the probe's answer; output:%n%s", text).isNotNegative();
		return text.substring(begin + BackstopProbe.BEGIN.length(), end).trim();
	}

}
