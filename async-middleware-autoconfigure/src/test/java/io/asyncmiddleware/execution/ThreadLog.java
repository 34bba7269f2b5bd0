package io.asyncmiddleware.execution;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.assertj.core.api.Condition;

/**
 * Where each step of a request ran: step name to the names of the threads that ran it.
 */
final class ThreadLog {

	static final Condition<String> EVENT_LOOP = new Condition<>(
			(name) -> name.startsWith("reactor-http-nio-") || name.startsWith("reactor-http-epoll-"),
			"a Reactor Netty event-loop thread");

	static final Condition<String> BOUNDED_ELASTIC = new Condition<>((name) -> name.startsWith("boundedElastic-"),
			"a boundedElastic worker thread");

	private final Map<String, List<String>> threads = new ConcurrentHashMap<>();

	void record(String step) {
		this.threads.computeIfAbsent(step, (key) -> new CopyOnWriteArrayList<>()).add(Thread.currentThread().getName());
	}

	List<String> threadsOf(String step) {
		return this.threads.getOrDefault(step, List.of());
	}

	/**
	 * Waits for steps that run after the response went out (the way back through the
	 * filters), before the server and its event loop are shut down.
	 */
	void awaitSteps(String... steps) throws InterruptedException {
		for (String step : steps) {
			TestServer.await(step, () -> ran(step));
		}
	}

	boolean ran(String step) {
		return this.threads.containsKey(step);
	}

	@Override
	public String toString() {
		return this.threads.toString();
	}

	static Condition<String> bulkheadThreadOf(String entry) {
		return new Condition<>((name) -> name.matches("am-" + entry + "-\\d+"), "a thread of bulkhead '" + entry + "'");
	}

}
