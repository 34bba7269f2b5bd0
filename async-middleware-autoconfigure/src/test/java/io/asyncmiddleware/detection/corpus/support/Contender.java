package io.asyncmiddleware.detection.corpus.support;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BooleanSupplier;

/**
 * Synchronisers that are really contended, so that a corpus filter using them parks (an
 * uncontended lock never parks, and BlockHound only sees parking): a thread holds the
 * locks and gives them up, or releases a permit or offers an element, only once another
 * thread waits, then takes them back.
 */
public final class Contender {

	private final ReentrantLock lock = new ReentrantLock();

	private final ReentrantReadWriteLock readWriteLock = new ReentrantReadWriteLock();

	private final Semaphore semaphore = new Semaphore(0);

	private final LinkedTransferQueue<String> queue = new LinkedTransferQueue<>();

	private final Thread thread = new Thread(this::run, "corpus-contender");

	private volatile boolean running = true;

	private volatile boolean holding;

	void start() {
		this.thread.setDaemon(true);
		this.thread.start();
		while (!this.holding) {
			Thread.onSpinWait();
		}
	}

	void stop() {
		this.running = false;
		LockSupport.unpark(this.thread);
	}

	private void run() {
		this.lock.lock();
		this.readWriteLock.writeLock().lock();
		this.holding = true;
		while (this.running) {
			LockSupport.parkNanos(100_000);
			// a waiter that BlockHound stopped in park() may stay queued: never wait for
			// the queue to drain, and take the locks back by barging (tryLock)
			if (this.lock.hasQueuedThreads()) {
				this.lock.unlock();
				awaitHandOver(this.lock::hasQueuedThreads);
				while (!this.lock.tryLock()) {
					LockSupport.parkNanos(10_000);
				}
			}
			if (this.readWriteLock.hasQueuedThreads()) {
				this.readWriteLock.writeLock().unlock();
				awaitHandOver(this.readWriteLock::hasQueuedThreads);
				while (!this.readWriteLock.writeLock().tryLock()) {
					LockSupport.parkNanos(10_000);
				}
			}
			// a waiter is counted before it parks, and the JDK's synchronisers spin a little
			// first (LinkedTransferQueue's consumers longer since JDK 22): handing over at
			// once can meet it still spinning, so that it never parks and the corpus filter
			// looks safe. Hand over a millisecond later, as the locks do
			if (this.semaphore.hasQueuedThreads() && this.semaphore.availablePermits() == 0) {
				LockSupport.parkNanos(1_000_000);
				this.semaphore.release();
			}
			if (this.queue.hasWaitingConsumer() && this.queue.isEmpty()) {
				LockSupport.parkNanos(1_000_000);
				this.queue.offer("item");
			}
		}
	}

	// until the waiters took the lock (at most a millisecond: a waiter that BlockHound
	// stopped in park() may stay queued), so that the lock is taken back as soon as they
	// let go: a corpus filter called right after the last one would otherwise find it free
	// and look safe
	private static void awaitHandOver(BooleanSupplier waiting) {
		long end = System.nanoTime() + 1_000_000;
		while (waiting.getAsBoolean() && System.nanoTime() < end) {
			Thread.onSpinWait();
		}
	}

	/**
	 * A lock held by another thread until someone waits for it.
	 * @return the lock
	 */
	public Lock lock() {
		return this.lock;
	}

	public ReentrantReadWriteLock readWriteLock() {
		return this.readWriteLock;
	}

	/**
	 * A semaphore without permits until someone waits for one.
	 * @return the semaphore
	 */
	public Semaphore semaphore() {
		return this.semaphore;
	}

	/**
	 * A queue that stays empty until someone waits for an element.
	 * @return the queue
	 */
	public BlockingQueue<String> queue() {
		return this.queue;
	}

}
