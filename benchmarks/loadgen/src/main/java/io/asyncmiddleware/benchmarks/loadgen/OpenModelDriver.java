package io.asyncmiddleware.benchmarks.loadgen;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import io.netty.channel.ChannelOption;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * An open-model load driver: it sends requests at a fixed rate whatever the server does,
 * and measures each request's latency from the moment it was <em>meant</em> to be sent,
 * so a stalled server is charged for every request it delayed (no coordinated omission,
 * as in wrk2). Requests share at most {@code connections} keep-alive connections; a
 * request with no free connection waits for one, and that wait counts in its latency.
 *
 * <p>Usage: {@code OpenModelDriver url rate-per-second duration-seconds connections
 * [warmup-seconds]}. Prints one JSON object: the percentiles in milliseconds, the counts
 * of sent, completed, failed (connection errors) and non-2xx responses, and the requests
 * still unanswered when the drain time ran out (counted with the latency they had then).
 */
public final class OpenModelDriver {

	private static final Duration DRAIN = Duration.ofSeconds(5);

	private static final long HIGHEST_NANOS = TimeUnit.SECONDS.toNanos(120);

	private final HttpClient client;

	private final String path;

	private final ConcurrentHistogram histogram = new ConcurrentHistogram(HIGHEST_NANOS, 3);

	private final AtomicLong completed = new AtomicLong();

	private final AtomicLong failed = new AtomicLong();

	private final AtomicLong non2xx = new AtomicLong();

	private final AtomicLong inFlight = new AtomicLong();

	private OpenModelDriver(String url, int connections) {
		java.net.URI uri = java.net.URI.create(url);
		ConnectionProvider provider = ConnectionProvider.builder("open-model")
			.maxConnections(connections)
			.pendingAcquireMaxCount(-1)
			.pendingAcquireTimeout(Duration.ofSeconds(60))
			.build();
		this.client = HttpClient.create(provider)
			.runOn(LoopResources.create("open-model", Math.max(1, Runtime.getRuntime().availableProcessors()), true))
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
			.baseUrl(uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort());
		this.path = (uri.getRawQuery() != null) ? uri.getRawPath() + "?" + uri.getRawQuery() : uri.getRawPath();
	}

	public static void main(String[] args) throws InterruptedException {
		if (args.length < 4) {
			System.err.println("usage: OpenModelDriver url rate-per-second duration-seconds connections [warmup-seconds]");
			System.exit(2);
		}
		String url = args[0];
		double rate = Double.parseDouble(args[1]);
		double seconds = Double.parseDouble(args[2]);
		int connections = Integer.parseInt(args[3]);
		double warmup = (args.length > 4) ? Double.parseDouble(args[4]) : 0;
		if (!url.startsWith("http://127.0.0.1:")) {
			System.err.println("the driver only loads 127.0.0.1, got " + url);
			System.exit(2);
		}
		OpenModelDriver driver = new OpenModelDriver(url, connections);
		if (warmup > 0) {
			driver.run(rate, warmup, false);
			driver.histogram.reset();
			driver.completed.set(0);
			driver.failed.set(0);
			driver.non2xx.set(0);
		}
		System.out.println(driver.run(rate, seconds, true));
		System.exit(0);
	}

	private String run(double rate, double seconds, boolean report) throws InterruptedException {
		long interval = (long) (TimeUnit.SECONDS.toNanos(1) / rate);
		long total = (long) (rate * seconds);
		CountDownLatch done = new CountDownLatch((int) total);
		long start = System.nanoTime();
		long sent = 0;
		while (sent < total) {
			long intended = start + sent * interval;
			long now = System.nanoTime();
			if (intended > now) {
				LockSupport.parkNanos(intended - now);
				continue;
			}
			// every request due by now goes out, each keeping its own intended time
			send(intended, done);
			sent++;
		}
		long sendEnd = System.nanoTime();
		boolean drained = done.await(DRAIN.toMillis(), TimeUnit.MILLISECONDS);
		long unanswered = done.getCount();
		if (!drained) {
			// charge each unanswered request the time it has waited so far (a lower bound)
			long now = System.nanoTime();
			for (long i = 0; i < unanswered; i++) {
				this.histogram.recordValue(Math.min(HIGHEST_NANOS, now - (sendEnd - i * interval)));
			}
		}
		if (!report) {
			return "";
		}
		double elapsed = (System.nanoTime() - start) / 1e9;
		// one snapshot, so that late answers do not make the counts disagree
		long completed = this.completed.get();
		long failed = this.failed.get();
		unanswered = Math.max(0, sent - completed - failed);
		Histogram h = this.histogram.copy();
		return String.format(Locale.ROOT,
				"{\"target_rps\":%.1f,\"sent\":%d,\"completed\":%d,\"failed\":%d,\"non2xx\":%d,\"unanswered\":%d,"
						+ "\"achieved_rps\":%.1f,\"p50_ms\":%.3f,\"p90_ms\":%.3f,\"p99_ms\":%.3f,\"p999_ms\":%.3f,"
						+ "\"max_ms\":%.3f,\"mean_ms\":%.3f}",
				rate, sent, completed, failed, this.non2xx.get(), unanswered,
				completed / Math.min(elapsed, seconds + DRAIN.toSeconds()), ms(h.getValueAtPercentile(50)),
				ms(h.getValueAtPercentile(90)), ms(h.getValueAtPercentile(99)), ms(h.getValueAtPercentile(99.9)),
				ms(h.getMaxValue()), h.getMean() / 1e6);
	}

	private void send(long intended, CountDownLatch done) {
		this.inFlight.incrementAndGet();
		this.client.get()
			.uri(this.path)
			.responseSingle((response, body) -> body.then(reactor.core.publisher.Mono.just(response.status().code())))
			.subscribe((status) -> {
				record(intended);
				this.completed.incrementAndGet();
				if (status < 200 || status > 299) {
					this.non2xx.incrementAndGet();
				}
				finish(done);
			}, (error) -> {
				record(intended);
				this.failed.incrementAndGet();
				finish(done);
			});
	}

	private void record(long intended) {
		this.histogram.recordValue(Math.min(HIGHEST_NANOS, Math.max(0, System.nanoTime() - intended)));
	}

	private void finish(CountDownLatch done) {
		this.inFlight.decrementAndGet();
		done.countDown();
	}

	private static double ms(long nanos) {
		return nanos / 1e6;
	}

}
