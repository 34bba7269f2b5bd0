package io.asyncmiddleware.execution;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Admission, queueing, rejection and timeouts of {@link Bulkhead}.
 */
class BulkheadTests {

	private final List<Bulkhead> bulkheads = new ArrayList<>();

	@AfterEach
	void dispose() {
		this.bulkheads.forEach(Bulkhead::dispose);
	}

	private Bulkhead bulkhead(int maxConcurrent, int maxQueued, Duration timeout) {
		return bulkhead(maxConcurrent, maxQueued, timeout, true);
	}

	private Bulkhead bulkhead(int maxConcurrent, int maxQueued, Duration timeout, boolean virtualThreads) {
		Bulkhead bulkhead = Bulkhead.create("audit",
				new BulkheadSettings(maxConcurrent, maxQueued, timeout, Duration.ofMillis(1500), virtualThreads));
		this.bulkheads.add(bulkhead);
		return bulkhead;
	}

	@Test
	void runsUpToTheLimitQueuesUpToTheQueueLimitAndRejectsTheRestAtOnce() throws Exception {
		Bulkhead bulkhead = bulkhead(2, 1, Duration.ofSeconds(30));
		CountDownLatch release = new CountDownLatch(1);
		List<CompletableFuture<String>> admitted = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			String name = "hop" + i;
			admitted.add(bulkhead.call(() -> {
				Fixtures.await(release);
				return name;
			}).toFuture());
		}
		TestServer.await("two hops running and one queued",
				() -> bulkhead.getAvailablePermits() == 0 && bulkhead.getQueued() == 1);
		CompletableFuture<String> rejected = bulkhead.call(() -> "never").toFuture();
		// admission is decided during subscription: no waiting for a verdict
		assertThat(rejected).isCompletedExceptionally();
		assertThatThrownBy(rejected::get).cause()
			.isInstanceOfSatisfying(BulkheadRejectedException.class, (ex) -> {
				assertThat(ex.getReason()).isEqualTo(BulkheadRejectedException.Reason.FULL);
				assertThat(ex.getRetryAfterSeconds()).isEqualTo(2);
				assertThat(ex.getEntryName()).isEqualTo("audit");
			});
		release.countDown();
		for (int i = 0; i < 3; i++) {
			assertThat(admitted.get(i).get(20, TimeUnit.SECONDS)).isEqualTo("hop" + i);
		}
		TestServer.await("all permits back", () -> bulkhead.getAvailablePermits() == 2);
		assertThat(bulkhead.getQueued()).isZero();
	}

	@Test
	void resumedHopsAreNeverRejectedAndRunAheadOfNewOnes() throws Exception {
		Bulkhead bulkhead = bulkhead(1, 1, Duration.ofSeconds(30));
		CountDownLatch release = new CountDownLatch(1);
		List<String> order = new java.util.concurrent.CopyOnWriteArrayList<>();
		CompletableFuture<String> running = bulkhead.call(() -> {
			Fixtures.await(release);
			return "running";
		}).toFuture();
		TestServer.await("the first hop to hold the permit", () -> bulkhead.getAvailablePermits() == 0);
		CompletableFuture<Boolean> queuedNew = bulkhead.call(() -> order.add("new")).toFuture();
		CompletableFuture<Boolean> resumed1 = bulkhead.resume(() -> order.add("resumed1")).toFuture();
		CompletableFuture<Boolean> resumed2 = bulkhead.resume(() -> order.add("resumed2")).toFuture();
		assertThat(bulkhead.call(() -> "never").toFuture()).isCompletedExceptionally();
		assertThat(resumed1).isNotDone();
		release.countDown();
		assertThat(running.get(20, TimeUnit.SECONDS)).isEqualTo("running");
		CompletableFuture.allOf(queuedNew, resumed1, resumed2).get(20, TimeUnit.SECONDS);
		assertThat(order).containsExactly("resumed1", "resumed2", "new");
	}

	@Test
	void admissionFromNonBlockingThreadsNeverParks() {
		// BlockHound fails any park on a parallel thread, admission and executor hand-off included
		Bulkhead bulkhead = bulkhead(4, 500, Duration.ofSeconds(30));
		List<Integer> results = Flux.range(0, 300)
			.flatMap((i) -> Mono.defer(() -> bulkhead.call(() -> {
				Fixtures.sleep(1);
				return i;
			})).subscribeOn(Schedulers.parallel()), 300)
			.collectList()
			.block(Duration.ofSeconds(60));
		assertThat(results).hasSize(300).doesNotHaveDuplicates();
		assertThat(bulkhead.getAvailablePermits()).isEqualTo(4);
	}

	@Test
	void runningHopThatOutlivesTheTimeoutIsInterruptedAndFails() throws Exception {
		Bulkhead bulkhead = bulkhead(1, 1, Duration.ofMillis(200));
		AtomicBoolean interrupted = new AtomicBoolean();
		CountDownLatch never = new CountDownLatch(1);
		CompletableFuture<String> running = bulkhead.call(() -> {
			try {
				never.await();
			}
			catch (InterruptedException ex) {
				interrupted.set(true);
			}
			return "late";
		}).toFuture();
		assertThatThrownBy(() -> running.get(20, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
			.cause()
			.isInstanceOfSatisfying(BulkheadRejectedException.class,
					(ex) -> assertThat(ex.getReason()).isEqualTo(BulkheadRejectedException.Reason.TIMED_OUT));
		TestServer.await("the late hop to be interrupted and its permit back",
				() -> interrupted.get() && bulkhead.getAvailablePermits() == 1);
	}

	@Test
	void waitingHopThatOutlivesTheTimeoutLeavesTheQueue() throws Exception {
		Bulkhead bulkhead = bulkhead(1, 1, Duration.ofMillis(300));
		CountDownLatch release = new CountDownLatch(1);
		AtomicBoolean ran = new AtomicBoolean();
		bulkhead.call(() -> {
			Fixtures.awaitUninterruptibly(release);
			return "first";
		}).toFuture();
		TestServer.await("the first hop to hold the permit", () -> bulkhead.getAvailablePermits() == 0);
		CompletableFuture<Boolean> waiting = bulkhead.call(() -> ran.getAndSet(true)).toFuture();
		assertThatThrownBy(() -> waiting.get(20, TimeUnit.SECONDS)).cause()
			.isInstanceOf(BulkheadRejectedException.class);
		assertThat(bulkhead.getQueued()).isZero();
		release.countDown();
		TestServer.await("the permit back", () -> bulkhead.getAvailablePermits() == 1);
		assertThat(ran).isFalse();
	}

	@Test
	void cancelledWaitingHopFreesItsQueueSlotAndNeverRuns() throws Exception {
		Bulkhead bulkhead = bulkhead(1, 1, Duration.ofSeconds(30));
		CountDownLatch release = new CountDownLatch(1);
		AtomicBoolean ran = new AtomicBoolean();
		CompletableFuture<String> first = bulkhead.call(() -> {
			Fixtures.await(release);
			return "first";
		}).toFuture();
		TestServer.await("the first hop to hold the permit", () -> bulkhead.getAvailablePermits() == 0);
		Disposable waiting = bulkhead.call(() -> ran.getAndSet(true)).subscribe();
		assertThat(bulkhead.getQueued()).isEqualTo(1);
		waiting.dispose();
		assertThat(bulkhead.getQueued()).isZero();
		CompletableFuture<String> next = bulkhead.call(() -> "next").toFuture();
		release.countDown();
		assertThat(first.get(20, TimeUnit.SECONDS)).isEqualTo("first");
		assertThat(next.get(20, TimeUnit.SECONDS)).isEqualTo("next");
		assertThat(ran).isFalse();
	}

	@Test
	void hopCancelledBeforeItsThreadPicksItUpGivesItsPermitBack() throws Exception {
		// On the platform pool a permit handed over by a finishing hop starts the next hop
		// while the pool's only thread is still busy: the next hop waits in the executor.
		// Cancelling it there (a client gone) must not take its permit with it: leaked
		// permits once left a loaded bulkhead answering every request with a timeout.
		Bulkhead bulkhead = bulkhead(1, 1, Duration.ofSeconds(30), false);
		CountDownLatch release = new CountDownLatch(1);
		AtomicBoolean ran = new AtomicBoolean();
		AtomicReference<Disposable> next = new AtomicReference<>();
		CompletableFuture<String> first = bulkhead.call(() -> {
			Fixtures.await(release);
			return "first";
		}).doOnNext((value) -> next.get().dispose()).toFuture();
		TestServer.await("the first hop to hold the permit", () -> bulkhead.getAvailablePermits() == 0);
		next.set(bulkhead.call(() -> ran.getAndSet(true)).subscribe());
		release.countDown();
		assertThat(first.get(20, TimeUnit.SECONDS)).isEqualTo("first");
		TestServer.await("the cancelled hop's permit back", () -> bulkhead.getAvailablePermits() == 1);
		assertThat(bulkhead.call(() -> "later").block(Duration.ofSeconds(20))).isEqualTo("later");
		assertThat(ran).isFalse();
	}

	@Test
	void threadsAreNamedAfterTheEntry() {
		String name = bulkhead(1, 0, Duration.ofSeconds(30)).call(() -> Thread.currentThread().getName())
			.block(Duration.ofSeconds(20));
		assertThat(name).matches("am-audit-\\d+");
	}

	@Test
	void disposedBulkheadRejects() {
		Bulkhead bulkhead = bulkhead(1, 1, Duration.ofSeconds(30));
		bulkhead.dispose();
		assertThat(bulkhead.isDisposed()).isTrue();
		assertThatThrownBy(() -> bulkhead.call(() -> "x").block(Duration.ofSeconds(5)))
			.isInstanceOf(BulkheadRejectedException.class);
	}

	@Test
	void settingsAreValidated() {
		assertThatThrownBy(() -> new BulkheadSettings(0, 1, Duration.ofSeconds(1), Duration.ofSeconds(1), true))
			.hasMessageContaining("maxConcurrent");
		assertThatThrownBy(() -> new BulkheadSettings(1, -1, Duration.ofSeconds(1), Duration.ofSeconds(1), true))
			.hasMessageContaining("maxQueued");
		assertThatThrownBy(() -> new BulkheadSettings(1, 1, Duration.ZERO, Duration.ofSeconds(1), true))
			.hasMessageContaining("timeout");
		assertThat(new BulkheadSettings(1, 1, Duration.ofSeconds(1), Duration.ofMillis(1001), true).retryAfterSeconds())
			.isEqualTo(2);
	}

}
