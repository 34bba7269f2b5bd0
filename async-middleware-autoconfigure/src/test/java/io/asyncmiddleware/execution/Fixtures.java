package io.asyncmiddleware.execution;

import java.util.concurrent.CountDownLatch;

import reactor.core.publisher.Mono;

import org.springframework.web.server.WebFilter;

/**
 * Filters for the tests. The blocking ones really block (sleep, latch); BlockHound fails
 * the request if that ever happens on an event loop.
 */
final class Fixtures {

	private Fixtures() {
	}

	/**
	 * A blocking entry: blocks in its synchronous body, in an operator before the chain
	 * and in an operator after it, recording the thread each time.
	 */
	static WebFilter blocking(String name, ThreadLog log) {
		return (exchange, chain) -> {
			log.record(name + ".body");
			sleep(5);
			return Mono.fromRunnable(() -> {
				log.record(name + ".before");
				sleep(5);
			}).then(chain.filter(exchange)).then(Mono.fromRunnable(() -> {
				log.record(name + ".after");
				sleep(5);
			}));
		};
	}

	/**
	 * A blocking entry whose way in waits on a latch the test releases.
	 */
	static WebFilter waitingOn(CountDownLatch latch, String name, ThreadLog log) {
		return (exchange, chain) -> {
			log.record(name + ".body");
			await(latch);
			return chain.filter(exchange);
		};
	}

	/**
	 * A non-blocking filter recording where it runs before and after the chain.
	 */
	static WebFilter recording(String name, ThreadLog log) {
		return (exchange, chain) -> {
			log.record(name + ".body");
			return chain.filter(exchange).doOnSuccess((done) -> log.record(name + ".after"));
		};
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Waits for the latch ignoring interrupts, like badly behaved blocking code would.
	 */
	static void awaitUninterruptibly(CountDownLatch latch) {
		boolean interrupted = false;
		while (latch.getCount() > 0) {
			try {
				latch.await();
			}
			catch (InterruptedException ex) {
				interrupted = true;
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}

}
