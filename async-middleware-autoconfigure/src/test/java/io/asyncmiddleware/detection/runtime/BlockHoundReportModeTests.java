package io.asyncmiddleware.detection.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RuntimeBlockingDetection#installBlockHound()}, each in a fresh JVM:
 * BlockHound installs once per JVM and this one already has it (in its throwing mode).
 */
class BlockHoundReportModeTests {

	@Test
	void reportModeLogsAndCountsAndLetsTheCallGoOn() throws Exception {
		String output = runProbe(true);
		assertThat(output).contains("PROBE installed=true outcome=completed blockingCalls=1")
			.contains("Entry 'audit' (" + ReportModeProbe.class.getName()
					+ ") made a blocking call on event loop parallel-1: java.lang.Thread.sleep");
	}

	@Test
	void missingJvmFlagIsOneClearWarningAndTheApplicationGoesOn() throws Exception {
		String output = runProbe(false);
		assertThat(output).contains("PROBE installed=false outcome=completed blockingCalls=0")
			.contains("BlockHound could not be installed")
			.contains("start the JVM with -XX:+AllowRedefinitionToAddDeleteMethods");
	}

	// runs on the JUnit main thread: waiting for the child JVM blocks no event loop
	private static String runProbe(boolean withFlag) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		if (withFlag) {
			command.add("-XX:+AllowRedefinitionToAddDeleteMethods");
		}
		if (Runtime.version().feature() >= 21) {
			command.add("-XX:+EnableDynamicAgentLoading");
		}
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(ReportModeProbe.class.getName());
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		boolean exited = process.waitFor(60, TimeUnit.SECONDS);
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!exited) {
			process.destroyForcibly();
		}
		assertThat(exited).as("probe exited; output:%n%s", output).isTrue();
		return output;
	}

}
