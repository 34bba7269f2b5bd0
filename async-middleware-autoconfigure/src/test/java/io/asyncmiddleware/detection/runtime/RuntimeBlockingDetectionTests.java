package io.asyncmiddleware.detection.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.asyncmiddleware.detection.NonBlocking;
import io.asyncmiddleware.metrics.EntryMetrics;
import io.asyncmiddleware.chain.ChainEntry;
import io.asyncmiddleware.chain.StackChain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RuntimeBlockingDetection} under the test suite's BlockHound.
 */
@ExtendWith(OutputCaptureExtension.class)
class RuntimeBlockingDetectionTests {

	private final EntryMetrics metrics = new EntryMetrics();

	private final List<RuntimeBlockingDetection.Registration> registrations = new ArrayList<>();

	@AfterEach
	void unregister() {
		this.registrations.forEach(RuntimeBlockingDetection.Registration::close);
	}

	@Test
	void blockingCallOfARegisteredFilterIsAttributedAndStillFails(CapturedOutput output) {
		register("audit", AuditFilter.class, this.metrics);
		expectBlockingError(new AuditFilter());
		EntryMetrics.Snapshot snapshot = this.metrics.snapshot();
		assertThat(snapshot.blockingCalls()).isOne();
		// JDK 21+ blocks in Thread.sleepNanos0, which BlockHound names
		assertThat(snapshot.lastBlockingCall()).startsWith("java.lang.Thread.sleep");
		assertThat(snapshot.lastBlockingCallStack()).startsWith("at java.lang.Thread.sleep")
			.contains("at " + AuditLog.class.getName() + ".write(");
		assertThat(output).contains("Entry 'audit' (" + AuditFilter.class.getName()
				+ ") made a blocking call on event loop parallel-")
			.contains(": java.lang.Thread.sleep")
			.contains("at " + AuditLog.class.getName() + ".write(");
	}

	@Test
	void methodReferenceOfARegisteredFilterIsAttributed() {
		register("audit", MethodReferenceAuditFilter.class, this.metrics);
		expectBlockingError(new MethodReferenceAuditFilter());
		assertThat(this.metrics.snapshot().blockingCalls()).isOne();
	}

	@Test
	void callWithoutTheFilterOnTheStackIsAttributedToTheEntryHoldingTheThread() {
		register("audit", TaskAuditFilter.class, this.metrics);
		StackChain measured = measured("audit", new TaskAuditFilter(), new EntryMetrics(), null);
		expectBlockingError(measured);
		assertThat(this.metrics.snapshot().blockingCalls()).isOne();
	}

	@Test
	void sameClassInTwoEntriesIsAttributedToTheEntryHoldingTheThread() {
		EntryMetrics other = new EntryMetrics();
		register("first", AuditFilter.class, other);
		register("second", AuditFilter.class, this.metrics);
		expectBlockingError(measured("second", new AuditFilter(), new EntryMetrics(), null));
		assertThat(this.metrics.snapshot().blockingCalls()).isOne();
		assertThat(other.snapshot().blockingCalls()).isZero();
	}

	@Test
	void repeatedCallIsCountedButLoggedOnce(CapturedOutput output) {
		register("audit", AuditFilter.class, this.metrics);
		expectBlockingError(new AuditFilter());
		expectBlockingError(new AuditFilter());
		assertThat(this.metrics.snapshot().blockingCalls()).isEqualTo(2);
		assertThat(output.getOut().split("Entry 'audit'", -1)).hasSize(2);
	}

	@Test
	void declaredNonBlockingFilterCaughtBlockingIsAnError(CapturedOutput output) {
		register("liar", DeclaredNonBlockingFilter.class, this.metrics);
		expectBlockingError(new DeclaredNonBlockingFilter());
		assertThat(this.metrics.snapshot().blockingCalls()).isOne();
		assertThat(output).contains("ERROR")
			.contains("Entry 'liar' (" + DeclaredNonBlockingFilter.class.getName()
					+ ") is declared @NonBlocking but made a blocking call on event loop parallel-")
			.contains("the declaration is wrong");
	}

	@Test
	void unregisteredFilterIsNotAttributed(CapturedOutput output) {
		register("other", MethodReferenceAuditFilter.class, this.metrics);
		expectBlockingError(new AuditFilter());
		assertThat(this.metrics.snapshot().blockingCalls()).isZero();
		assertThat(output).doesNotContain("made a blocking call");
	}

	@Test
	void closedRegistrationIsNoLongerAttributed() {
		RuntimeBlockingDetection.register("audit", AuditFilter.class, this.metrics).close();
		expectBlockingError(new AuditFilter());
		assertThat(this.metrics.snapshot().blockingCalls()).isZero();
	}

	private void register(String entryName, Class<?> filterClass, EntryMetrics entryMetrics) {
		this.registrations.add(RuntimeBlockingDetection.register(entryName, filterClass, entryMetrics));
	}

	// the entry as the composed chain runs it: measured, holding the thread while it runs
	private static StackChain measured(String name, WebFilter filter, EntryMetrics metrics,
			EventLoopStallWatchdog watchdog) {
		return StackChain.of(ChainEntry.of(name, filter, metrics, watchdog));
	}

	private static void expectBlockingError(WebFilter filter) {
		ServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/"));
		WebFilterChain chain = (ex) -> Mono.empty();
		StepVerifier.create(filter.filter(exchange, chain).subscribeOn(Schedulers.parallel()))
			.expectError(BlockingOperationError.class)
			.verify(Duration.ofSeconds(5));
	}

	/**
	 * An application's helper that blocks.
	 */
	static final class AuditLog {

		static void write() {
			try {
				Thread.sleep(1);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

	static class AuditFilter implements WebFilter {

		@Override
		public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
			return Mono.fromRunnable(() -> AuditLog.write()).then(chain.filter(exchange));
		}

	}

	static class MethodReferenceAuditFilter implements WebFilter {

		@Override
		public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
			return Mono.fromRunnable(AuditLog::write).then(chain.filter(exchange));
		}

	}

	static class TaskAuditFilter implements WebFilter {

		private final Runnable task = new AuditTask();

		@Override
		public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
			return Mono.fromRunnable(this.task).then(chain.filter(exchange));
		}

	}

	@NonBlocking("claims so, wrongly")
	static class DeclaredNonBlockingFilter extends AuditFilter {

		@Override
		public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
			return Mono.fromRunnable(() -> AuditLog.write()).then(chain.filter(exchange));
		}

	}

}

/**
 * Blocking work defined outside the filter class: no frame of the filter is on the stack
 * when it runs.
 */
final class AuditTask implements Runnable {

	@Override
	public void run() {
		RuntimeBlockingDetectionTests.AuditLog.write();
	}

}
