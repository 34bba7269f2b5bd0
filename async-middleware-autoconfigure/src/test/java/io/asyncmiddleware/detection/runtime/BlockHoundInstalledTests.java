package io.asyncmiddleware.detection.runtime;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves BlockHound is installed in this test JVM, with the entry attribution: a silent
 * install failure would look like "no blocking" everywhere else.
 */
class BlockHoundInstalledTests {

	@Test
	void sleepOnAParallelThreadFails() {
		Mono<Object> sleeping = Mono.fromRunnable(() -> {
			try {
				Thread.sleep(1);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}).subscribeOn(Schedulers.parallel());
		StepVerifier.create(sleeping).expectError(BlockingOperationError.class).verify(Duration.ofSeconds(5));
	}

	@Test
	void attributionIsAppliedAndKeepsThrowing() {
		assertThat(RuntimeBlockingDetection.isAttributing()).isTrue();
		assertThat(RuntimeBlockingDetection.isReportOnly()).isFalse();
	}

	@Test
	void installingAgainKeepsTheTestSuitesBehaviour() {
		assertThat(RuntimeBlockingDetection.installBlockHound()).isTrue();
		assertThat(RuntimeBlockingDetection.isReportOnly()).isFalse();
		sleepOnAParallelThreadFails();
	}

}
