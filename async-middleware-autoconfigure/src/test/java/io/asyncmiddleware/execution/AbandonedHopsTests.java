package io.asyncmiddleware.execution;

import io.asyncmiddleware.metrics.EntryMetrics;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AbandonedHops}: the count of hops given up while their thread is
 * still in the entry's code, and the WARN naming the entry, at most once per interval.
 */
@ExtendWith(OutputCaptureExtension.class)
class AbandonedHopsTests {

	private final EntryMetrics metrics = new EntryMetrics();

	@Test
	void hopGivenUpWhileRunningIsCountedUntilItReturns() {
		AbandonedHops hops = new AbandonedHops("audit", this.metrics);
		AbandonedHops.Tracker tracker = hops.track();
		assertThat(tracker.start()).isTrue();
		tracker.abandon();
		assertThat(this.metrics.snapshot().abandonedHops()).isEqualTo(1);
		tracker.returned();
		assertThat(this.metrics.snapshot().abandonedHops()).isZero();
	}

	@Test
	void hopThatReturnedBeforeItWasGivenUpIsNotCounted() {
		AbandonedHops.Tracker tracker = new AbandonedHops("audit", this.metrics).track();
		tracker.start();
		tracker.returned();
		tracker.abandon();
		assertThat(this.metrics.snapshot().abandonedHops()).isZero();
	}

	@Test
	void hopGivenUpBeforeItStartedNeverRuns() {
		AbandonedHops.Tracker tracker = new AbandonedHops("audit", this.metrics).track();
		tracker.abandon();
		assertThat(tracker.start()).isFalse();
		assertThat(this.metrics.snapshot().abandonedHops()).isZero();
	}

	@Test
	void warnsNamingTheEntryAtMostOncePerInterval(CapturedOutput output) throws Exception {
		AbandonedHops hops = new AbandonedHops("audit", this.metrics, Duration.ofMillis(50), Duration.ofHours(1));
		for (int i = 0; i < 3; i++) {
			AbandonedHops.Tracker tracker = hops.track();
			tracker.start();
			tracker.abandon();
		}
		TestServer.await("the warning", () -> output.getOut().contains("Middleware entry 'audit' has"));
		Thread.sleep(300);
		assertThat(output.getOut().split("Middleware entry 'audit' has", -1)).hasSize(2);
		assertThat(output.getOut()).contains("ignore the interrupt");
	}

	@Test
	void noWarningWhenTheHopHonoursTheInterruptInTime(CapturedOutput output) throws Exception {
		AbandonedHops hops = new AbandonedHops("prompt", this.metrics, Duration.ofMillis(200), Duration.ofHours(1));
		AbandonedHops.Tracker tracker = hops.track();
		tracker.start();
		tracker.abandon();
		tracker.returned();
		Thread.sleep(500);
		assertThat(output.getOut()).doesNotContain("Middleware entry 'prompt'");
	}

}
