package io.asyncmiddleware.execution;

import io.asyncmiddleware.metrics.EntryMetrics;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.web.server.WebFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link EntryInstaller}'s adapt scheduler: created once, for adapted entries
 * only, and disposed with the installer.
 */
class EntryInstallerTests {

	private final List<Scheduler> created = new ArrayList<>();

	private final EntryInstaller installer = new EntryInstaller(() -> {
		Scheduler scheduler = Schedulers.newBoundedElastic(2, 10, "am-adapt-test", 60, true);
		this.created.add(scheduler);
		return scheduler;
	}, (name) -> AdaptSettings.DEFAULTS, (name) -> {
		throw new AssertionError("no isolated entry here");
	}, null, null);

	private final WebFilter filter = (exchange, chain) -> Mono.empty();

	@Test
	void noSchedulerWithoutAnAdaptedEntry() {
		this.installer.install("plain", this.filter, AppliedMode.DIRECT, new EntryMetrics());
		this.installer.dispose();
		assertThat(this.created).isEmpty();
	}

	@Test
	void adaptedEntriesShareOneOwnSchedulerThatIsDisposedWithTheInstaller() {
		this.installer.install("audit", this.filter, AppliedMode.ADAPT, new EntryMetrics());
		this.installer.install("other", this.filter, AppliedMode.ADAPT, new EntryMetrics());
		assertThat(this.created).singleElement().satisfies((scheduler) -> {
			assertThat(scheduler).isNotSameAs(Schedulers.boundedElastic());
			assertThat(scheduler.isDisposed()).isFalse();
		});
		this.installer.dispose();
		assertThat(this.created.get(0).isDisposed()).isTrue();
	}

}
