package io.asyncmiddleware.execution;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link VirtualThreads}: {@code auto} avoids virtual threads where
 * {@code synchronized} pins their carrier (before JDK 24, JEP 491).
 */
class VirtualThreadsTests {

	@Test
	void autoUsesPlatformThreadsBeforeJdk24AndVirtualThreadsFrom24() {
		assertThat(VirtualThreads.AUTO.enabledOn(17)).isFalse();
		assertThat(VirtualThreads.AUTO.enabledOn(21)).isFalse();
		assertThat(VirtualThreads.AUTO.enabledOn(23)).isFalse();
		assertThat(VirtualThreads.AUTO.enabledOn(24)).isTrue();
		assertThat(VirtualThreads.AUTO.enabledOn(25)).isTrue();
	}

	@Test
	void onAndOffAreWhatTheySay() {
		assertThat(VirtualThreads.ON.enabledOn(21)).isTrue();
		assertThat(VirtualThreads.OFF.enabledOn(25)).isFalse();
	}

	@Test
	void autoOnTheRunningJdkGivesTheBulkheadTheMatchingThreads() {
		boolean virtual = VirtualThreads.AUTO.enabled();
		assertThat(virtual).isEqualTo(Runtime.version().feature() >= 24);
		Bulkhead bulkhead = Bulkhead.create("audit", new BulkheadSettings(2, 2, java.time.Duration.ofSeconds(1),
				java.time.Duration.ofSeconds(1), virtual));
		try {
			assertThat(bulkhead.isVirtual()).isEqualTo(virtual);
		}
		finally {
			bulkhead.dispose();
		}
	}

}
