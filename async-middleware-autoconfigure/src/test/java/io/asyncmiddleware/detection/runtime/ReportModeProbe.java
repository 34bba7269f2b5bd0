package io.asyncmiddleware.detection.runtime;

import java.time.Duration;

import io.asyncmiddleware.metrics.EntryMetrics;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Run in a JVM of its own by {@link BlockHoundReportModeTests} (BlockHound installs once
 * per JVM): installs BlockHound the way the application does, blocks on a parallel
 * thread inside a registered filter class, and prints what happened.
 */
public final class ReportModeProbe {

	private ReportModeProbe() {
	}

	public static void main(String[] args) {
		EntryMetrics metrics = new EntryMetrics();
		RuntimeBlockingDetection.register("audit", ReportModeProbe.class, metrics);
		boolean installed = RuntimeBlockingDetection.installBlockHound();
		String outcome;
		try {
			Mono.fromRunnable(ReportModeProbe::sleep).subscribeOn(Schedulers.parallel()).block(Duration.ofSeconds(5));
			outcome = "completed";
		}
		catch (Throwable ex) {
			outcome = "failed: " + ex;
		}
		System.out.println("PROBE installed=" + installed + " outcome=" + outcome + " blockingCalls="
				+ metrics.snapshot().blockingCalls());
		Schedulers.shutdownNow();
	}

	private static void sleep() {
		try {
			Thread.sleep(1);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
