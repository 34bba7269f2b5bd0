package io.asyncmiddleware.benchmarks.jmh;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.asyncmiddleware.chain.ChainEntry;
import io.asyncmiddleware.chain.StackChain;
import io.asyncmiddleware.metrics.EntryMetrics;
import io.asyncmiddleware.stack.MiddlewareStack;
import io.asyncmiddleware.stack.Placement;
import io.asyncmiddleware.stack.StackEntry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import reactor.core.publisher.Mono;

import org.springframework.boot.ApplicationContextFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.reactive.AnnotationConfigReactiveWebApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.server.WebHandler;
import org.springframework.web.server.adapter.DefaultServerWebExchange;
import org.springframework.web.server.i18n.AcceptHeaderLocaleContextResolver;
import org.springframework.web.server.i18n.LocaleContextResolver;
import org.springframework.web.server.session.DefaultWebSessionManager;
import org.springframework.web.server.session.WebSessionManager;

/**
 * Scenario 5: what one entry's {@code filter} costs on a mock exchange, per request.
 *
 * <p>The entries come from the starter's own auto-configuration (the
 * {@link MiddlewareStack} bean of a context with the full stack), as they run: an entry
 * alone in a measured chain of one, and {@code entry=stack} as the composed filter that
 * Spring's chain runs in place of the declared stack. Each invocation builds a fresh
 * anonymous {@code GET /hello/} exchange and runs the entry with a chain that writes what
 * the servers' {@code /hello/} handler writes (a 5-byte text body), so work done before
 * commit (headers, cookies) and on the body (ETag, gzip, Content-Length) is counted, and
 * handler resolution finds that handler among the context's mappings.
 * {@code exchangeOnly} is that same exchange and chain without an entry: subtract it to
 * get an entry's own cost. {@code entry=stack} runs every stack entry in order, in the
 * one composed filter.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class EntryFilterBenchmark {

	/** The stack to build: the system property {@code bench.stack}, else the full stack. */
	static final List<String> STACK = List.of(System
		.getProperty("bench.stack", "security,session,common,csrf,authentication,messages,x-frame-options,gzip,"
				+ "conditional-get")
		.split(","));

	private static final byte[] HELLO = "hello".getBytes(StandardCharsets.UTF_8);

	/** What the benchmark app's {@code /hello/} handler does: a small text body, written once. */
	private static final WebHandler HELLO_HANDLER = (exchange) -> {
		ServerHttpResponse response = exchange.getResponse();
		response.getHeaders().setContentType(MediaType.TEXT_PLAIN);
		return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(HELLO)));
	};

	private static final WebFilterChain HANDLER_CHAIN = HELLO_HANDLER::handle;

	private static final ServerCodecConfigurer CODECS = ServerCodecConfigurer.create();

	private static final WebSessionManager SESSIONS = new DefaultWebSessionManager();

	private static final LocaleContextResolver LOCALES = new AcceptHeaderLocaleContextResolver();

	@Param({ "security", "session", "common", "csrf", "authentication", "messages", "x-frame-options", "gzip",
			"conditional-get", "stack" })
	public String entry;

	private WebFilter filter;

	@Setup(Level.Trial)
	public void findEntry() {
		MiddlewareStack middlewareStack = SharedContext.get().getBean(MiddlewareStack.class);
		List<StackEntry> entries = middlewareStack.getEntries()
			.stream()
			.filter((candidate) -> candidate.placement() == Placement.STACK)
			.toList();
		if (entries.size() != STACK.size()) {
			throw new IllegalStateException("Expected the stack " + STACK + ", got "
					+ entries.stream().map(StackEntry::name).toList());
		}
		if ("stack".equals(this.entry)) {
			// the declared stack as Spring's chain runs it: one composed filter
			this.filter = middlewareStack.getComposedStack().orElseThrow();
		}
		else {
			StackEntry found = entries.stream()
				.filter((candidate) -> candidate.name().equals(this.entry))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("No stack entry '" + this.entry + "'"));
			// one entry as the composed chain runs it: measured, in a chain of one
			this.filter = StackChain
				.of(ChainEntry.of(found.name(), found.installed(), new EntryMetrics(), null));
		}
		// a first request proves the chain works before it is measured
		ServerWebExchange exchange = exchange();
		run(exchange);
		if (exchange.getResponse().getStatusCode() != null && exchange.getResponse().getStatusCode().isError()) {
			throw new IllegalStateException("'" + this.entry + "' answered " + exchange.getResponse().getStatusCode());
		}
	}

	@Benchmark
	public ServerWebExchange filter() {
		ServerWebExchange exchange = exchange();
		run(exchange);
		return exchange;
	}

	@Benchmark
	public ServerWebExchange exchangeOnly() {
		ServerWebExchange exchange = exchange();
		HANDLER_CHAIN.filter(exchange).block();
		return exchange;
	}

	private void run(ServerWebExchange exchange) {
		this.filter.filter(exchange, HANDLER_CHAIN).block();
	}

	/**
	 * One context per JVM, shared by every entry's trial: starting one per entry would
	 * cost more than the measurement in a smoke run. A reactive web context without a
	 * server, so that nothing keeps a non-forked JMH run's JVM alive.
	 */
	private static final class SharedContext {

		private static final ConfigurableApplicationContext CONTEXT = new SpringApplicationBuilder(StackContext.class)
			.web(WebApplicationType.REACTIVE)
			.contextFactory(ApplicationContextFactory.ofContextClass(AnnotationConfigReactiveWebApplicationContext.class))
			.properties(StackContext.properties(STACK))
			.run();

		static ConfigurableApplicationContext get() {
			return CONTEXT;
		}

	}

	/**
	 * A fresh exchange per request, as a server makes one, but with codecs and session
	 * and locale resolvers shared as a server shares them: {@code MockServerWebExchange}
	 * would build every codec (Jackson's included) for each exchange, about 48 KB and most
	 * of the time of a request, which would hide the entries' own cost.
	 */
	private static ServerWebExchange exchange() {
		MockServerHttpRequest request = MockServerHttpRequest.get("http://127.0.0.1/hello/")
			.header(HttpHeaders.USER_AGENT, "jmh")
			.header(HttpHeaders.ACCEPT_ENCODING, "gzip")
			.build();
		return new DefaultServerWebExchange(request, new MockServerHttpResponse(), SESSIONS, CODECS, LOCALES);
	}

}
