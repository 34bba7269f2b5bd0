package io.asyncmiddleware.benchmarks.jmh;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import io.netty.channel.EventLoop;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.resources.LoopResources;

import org.springframework.boot.ApplicationContextFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.reactive.AnnotationConfigReactiveWebApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.AbstractServerHttpResponse;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.security.web.server.WebFilterChainProxy;

/**
 * Scenario 5: what one whole anonymous {@code GET /hello/} costs on a Netty event loop,
 * through the application's {@link HttpHandler} as a server gets it ({@code
 * HttpWebHandlerAdapter}: the exchange, its session manager and codecs, the web filters
 * with the starter's stack, then {@code DispatcherHandler} and the
 * {@code @RestController}).
 *
 * <p>The requests run on an event loop of Reactor Netty's {@link LoopResources}, the
 * loops a Reactor Netty server runs on: a thread Reactor knows as non-blocking, so the
 * starter does there what it does on a server (its event-loop hold bookkeeping, the
 * stall watchdog's view). Only the network is left out: the request and response are
 * made on the loop for each request, with headers over Netty's as a Reactor Netty server
 * gives them to Spring ({@link ServerExchanges}; {@code -p exchanges=mock} runs Spring's
 * mocks instead, the method of the figures measured until 2026-12-06). The benchmark
 * thread hands the loop {@value #REQUESTS_PER_HOP} requests at a time and sleeps until
 * they are answered, so the hop between threads is spread over them; {@code emptyTask}
 * measures that hop alone (a task that answers no request), to subtract if it matters.
 *
 * <ul>
 * <li>{@code stack}: the starter with the full stack ({@code bench.stack}).</li>
 * <li>{@code stack-off}: the same classpath with {@code async-middleware.enabled=false}:
 * WebFlux alone. {@code stack} minus {@code stack-off} is the stack's own cost.</li>
 * <li>{@code stack-with-spring-security}: {@code stack} plus Boot's Spring Security, with
 * which the starter composes its permit-all chain.</li>
 * </ul>
 *
 * <p>Two figures per request: the time ({@code µs/op}: the loop's work plus the
 * benchmark thread's share of the hop) and the loop thread's own CPU time
 * ({@code loopCpuNanos / loopOps}, from {@link ThreadMXBean#getCurrentThreadCpuTime()},
 * unmoved by other processes taking the CPU). Allocation comes from JMH's
 * {@code -prof gc}, which counts every thread's allocation, the loop's included.
 * Every response is checked to be {@code 200}; the first one's body too.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class StackRequestBenchmark {

	/** Requests run per hop to the loop: enough for the hop to be a small share of each. */
	static final int REQUESTS_PER_HOP = 32;

	private static final String PATH = "http://127.0.0.1/hello/";

	@Benchmark
	@OperationsPerInvocation(REQUESTS_PER_HOP)
	public void request(Application application, LoopCpu cpu) {
		application.driver.run(REQUESTS_PER_HOP, cpu);
	}

	@Benchmark
	@OperationsPerInvocation(REQUESTS_PER_HOP)
	public void emptyTask(Hop hop, LoopCpu cpu) {
		hop.driver.run(0, cpu);
	}

	/** A status nobody set is the server's 200, as on Reactor Netty. */
	static boolean isOk(HttpStatusCode status) {
		return status == null || status.value() == HttpStatus.OK.value();
	}

	/** A loop like a server's: Reactor Netty's, native transport where there is one. */
	static LoopResources loops() {
		return LoopResources.create("bench-loop", 1, true);
	}

	/**
	 * The application of one variant, its handler and the loop its requests run on.
	 */
	@State(Scope.Benchmark)
	public static class Application {

		@Param({ "stack", "stack-off", "stack-with-spring-security" })
		public String variant;

		/** {@link ServerExchanges}: {@code netty} as on a server, {@code mock} as measured until 2026-12-06. */
		@Param({ "netty" })
		public String exchanges;

		private ConfigurableApplicationContext context;

		private LoopResources loops;

		LoopDriver driver;

		@Setup(Level.Trial)
		public void start() throws Exception {
			if (!List.of("stack", "stack-off", "stack-with-spring-security").contains(this.variant)) {
				throw new IllegalArgumentException("No variant '" + this.variant + "'");
			}
			boolean starterEnabled = !"stack-off".equals(this.variant);
			boolean springSecurity = "stack-with-spring-security".equals(this.variant);
			this.context = new SpringApplicationBuilder(StackContext.class).web(WebApplicationType.REACTIVE)
				.contextFactory(
						ApplicationContextFactory.ofContextClass(AnnotationConfigReactiveWebApplicationContext.class))
				.properties(StackContext.properties(EntryFilterBenchmark.STACK, starterEnabled, springSecurity))
				.run();
			// the handler a server is given: Boot's HttpHandler bean, built by
			// WebHttpHandlerBuilder.applicationContext(context) with Boot's customizers (the
			// starter orders the web filters through one)
			HttpHandler handler = this.context.getBean(HttpHandler.class);
			this.loops = loops();
			EventLoop loop = this.loops.onServer(true).next();
			ServerExchanges exchanges = ServerExchanges.of(this.exchanges);
			this.driver = new LoopDriver(loop, handler, exchanges);
			checkFirstResponse(loop, handler, exchanges, starterEnabled, springSecurity);
		}

		/**
		 * One request, before any is measured: it runs on a thread the starter takes for an
		 * event loop, is answered {@code 200 hello}, and has the headers of the stack when
		 * the stack is on and not when it is off (proving which chain is measured).
		 */
		private void checkFirstResponse(EventLoop loop, HttpHandler handler, ServerExchanges exchanges,
				boolean starterEnabled, boolean springSecurity) throws Exception {
			CompletableFuture<AbstractServerHttpResponse> answered = new CompletableFuture<>();
			loop.execute(() -> {
				if (!Schedulers.isInNonBlockingThread()) {
					answered.completeExceptionally(new IllegalStateException("The loop's thread "
							+ Thread.currentThread() + " is not a non-blocking thread for Reactor"));
					return;
				}
				AbstractServerHttpResponse response = exchanges.response();
				handler.handle(exchanges.get(PATH), response)
					.subscribe(null, answered::completeExceptionally, () -> answered.complete(response));
			});
			AbstractServerHttpResponse response = answered.get(60, TimeUnit.SECONDS);
			String body = exchanges.body(response);
			if (!isOk(response.getStatusCode()) || !"hello".equals(body)) {
				throw new IllegalStateException("'" + this.variant + "': GET /hello/ answered "
						+ response.getStatusCode() + " " + body + " " + response.getHeaders());
			}
			// the security entry writes X-Content-Type-Options; nothing else here does
			boolean stackRan = response.getHeaders().containsHeader("X-Content-Type-Options");
			if (stackRan != starterEnabled) {
				throw new IllegalStateException("'" + this.variant + "': the stack "
						+ (stackRan ? "ran" : "did not run") + "; headers " + response.getHeaders());
			}
			boolean springSecurityChain = this.context.getBeanNamesForType(WebFilterChainProxy.class).length > 0;
			if (springSecurityChain != springSecurity) {
				throw new IllegalStateException("'" + this.variant + "': Spring Security's chain "
						+ (springSecurityChain ? "is" : "is not") + " in the context");
			}
		}

		@TearDown(Level.Iteration)
		public void checkResponses() {
			this.driver.checkResponses();
		}

		@TearDown(Level.Trial)
		public void stop() {
			if (this.loops != null) {
				this.loops.disposeLater().block();
			}
			if (this.context != null) {
				this.context.close();
			}
		}

	}

	/**
	 * A loop without an application, for the hop alone: no context to start, and no
	 * variant to run it for.
	 */
	@State(Scope.Benchmark)
	public static class Hop {

		private LoopResources loops;

		LoopDriver driver;

		@Setup(Level.Trial)
		public void start() {
			this.loops = loops();
			this.driver = new LoopDriver(this.loops.onServer(true).next(),
					(request, response) -> Mono.error(new IllegalStateException("The hop answers no request")),
					ServerExchanges.NETTY);
		}

		@TearDown(Level.Trial)
		public void stop() {
			this.loops.disposeLater().block();
		}

	}

	/**
	 * The loop thread's CPU time over the iteration, and the operations it was spent on:
	 * {@code loopCpuNanos / loopOps} is the CPU time per request on the loop.
	 */
	@State(Scope.Thread)
	@AuxCounters(AuxCounters.Type.EVENTS)
	public static class LoopCpu {

		public long loopCpuNanos;

		public long loopOps;

		@Setup(Level.Iteration)
		public void reset() {
			this.loopCpuNanos = 0;
			this.loopOps = 0;
		}

	}

	/**
	 * Runs a batch of requests on the loop, one after another as the loop would take them
	 * from its connections, and wakes the benchmark thread when the last is answered. A
	 * request answered later (off the loop's call stack) resumes the batch on the loop.
	 */
	private static final class LoopDriver implements Runnable {

		private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

		private final EventLoop loop;

		private final HttpHandler handler;

		// written by the benchmark thread before execute(this), read on the loop
		private int remaining;

		private Thread waiter;

		// written on the loop, read by the benchmark thread after done
		private long cpuNanos;

		private long notOk;

		private HttpStatusCode lastBadStatus;

		private Throwable failure;

		private volatile boolean done;

		private final ServerExchanges exchanges;

		LoopDriver(EventLoop loop, HttpHandler handler, ServerExchanges exchanges) {
			this.loop = loop;
			this.handler = handler;
			this.exchanges = exchanges;
		}

		void run(int requests, LoopCpu cpu) {
			this.remaining = requests;
			this.waiter = Thread.currentThread();
			this.cpuNanos = 0;
			this.done = false;
			this.loop.execute(this);
			while (!this.done) {
				LockSupport.park(this);
			}
			if (this.failure != null) {
				throw new IllegalStateException("A request failed", this.failure);
			}
			cpu.loopCpuNanos += this.cpuNanos;
			cpu.loopOps += REQUESTS_PER_HOP;
		}

		@Override
		public void run() {
			long cpuStart = THREADS.getCurrentThreadCpuTime();
			try {
				while (this.remaining > 0) {
					this.remaining--;
					AbstractServerHttpResponse response = this.exchanges.response();
					Answer answer = new Answer(this, response);
					this.handler.handle(this.exchanges.get(PATH), response).subscribe(answer);
					if (!answer.answeredInline()) {
						// answered later; the answer resumes this batch on the loop
						return;
					}
				}
			}
			finally {
				this.cpuNanos += THREADS.getCurrentThreadCpuTime() - cpuStart;
			}
			finish();
		}

		void answered(AbstractServerHttpResponse response, boolean inline) {
			HttpStatusCode status = response.getStatusCode();
			if (!isOk(status)) {
				this.notOk++;
				this.lastBadStatus = status;
			}
			if (!inline) {
				this.loop.execute(this);
			}
		}

		void failed(Throwable ex, boolean inline) {
			this.failure = ex;
			this.remaining = 0;
			if (!inline) {
				// run() with nothing left wakes the benchmark thread
				this.loop.execute(this);
			}
		}

		private void finish() {
			this.done = true;
			LockSupport.unpark(this.waiter);
		}

		void checkResponses() {
			if (this.notOk > 0) {
				throw new IllegalStateException(this.notOk + " responses were not 200 OK, the last " + this.lastBadStatus);
			}
		}

	}

	/**
	 * The end of one request's {@code Mono<Void>}: whether it came before
	 * {@code subscribe} returned decides who runs the next request.
	 */
	private static final class Answer extends AtomicInteger implements CoreSubscriber<Void> {

		private static final int PENDING = 0;

		private static final int RETURNED = 1;

		private static final int ANSWERED = 2;

		private final LoopDriver driver;

		private final AbstractServerHttpResponse response;

		Answer(LoopDriver driver, AbstractServerHttpResponse response) {
			this.driver = driver;
			this.response = response;
		}

		@Override
		public void onSubscribe(Subscription subscription) {
			subscription.request(Long.MAX_VALUE);
		}

		@Override
		public void onNext(Void value) {
		}

		@Override
		public void onError(Throwable ex) {
			boolean inline = getAndSet(ANSWERED) == PENDING;
			this.driver.failed(ex, inline);
		}

		@Override
		public void onComplete() {
			boolean inline = getAndSet(ANSWERED) == PENDING;
			this.driver.answered(this.response, inline);
		}

		/** Called once subscribe returned: {@code true} when the request was answered meanwhile. */
		boolean answeredInline() {
			return !compareAndSet(PENDING, RETURNED);
		}

	}

}
