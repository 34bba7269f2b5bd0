package io.asyncmiddleware.middleware.session;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.asyncmiddleware.middleware.CookieSettings;
import org.jspecify.annotations.Nullable;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import org.springframework.boot.web.server.Cookie.SameSite;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.session.MapSession;
import org.springframework.session.ReactiveMapSessionRepository;
import org.springframework.session.ReactiveSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.web.server.session.SpringSessionWebSessionStore;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;

/**
 * A real Reactor Netty server running routes behind the given filters, so that cookies
 * and headers go through Netty's own parsing and encoding.
 */
public final class TestServer implements AutoCloseable {

	private static final Pattern SESSION_KEY = Pattern.compile("^sessionid=([^;]*)");

	private final DisposableServer server;

	private final WebTestClient client;

	private TestServer(HttpHandler handler) {
		this.server = HttpServer.create().host("127.0.0.1").port(0).handle(new ReactorHttpHandlerAdapter(handler)).bindNow();
		this.client = WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + this.server.port())
			.responseTimeout(Duration.ofSeconds(10))
			.build();
	}

	/**
	 * Starts a server.
	 * @param routes the handlers
	 * @param filters the filters, outermost first
	 * @return the running server
	 */
	public static TestServer start(RouterFunction<ServerResponse> routes, List<WebFilter> filters) {
		HttpHandler handler = WebHttpHandlerBuilder.webHandler(RouterFunctions.toWebHandler(routes))
			.filters((list) -> list.addAll(filters))
			// Like Django, an exception from the view becomes a 500 response that the
			// middleware sees on the way out (without the adapter's ERROR log).
			.exceptionHandler((exchange, ex) -> {
				exchange.getResponse()
					.setStatusCode((ex instanceof ResponseStatusException status) ? status.getStatusCode()
							: HttpStatus.INTERNAL_SERVER_ERROR);
				return exchange.getResponse().setComplete();
			})
			.build();
		return new TestServer(handler);
	}

	/**
	 * A session entry with the given cookie and settings over the given repository.
	 * @param repository the store
	 * @param cookie the cookie writer
	 * @param settings the settings
	 * @return the filter
	 */
	public static SessionWebFilter sessionFilter(ReactiveSessionRepository<? extends Session> repository,
			SessionCookie cookie, SessionSettings settings) {
		return new SessionWebFilter(new SpringSessionWebSessionStore<>(repository), cookie, settings);
	}

	/**
	 * Django's default session cookie.
	 * @return the cookie writer
	 */
	public static SessionCookie defaultCookie() {
		return new SessionCookie(new CookieSettings("sessionid", null, "/", false, true, SameSite.LAX),
				Clock.systemUTC());
	}

	/**
	 * An in-memory repository over a map the test can inspect.
	 * @param sessions the map
	 * @return the repository
	 */
	public static ReactiveMapSessionRepository repository(Map<String, Session> sessions) {
		return new ReactiveMapSessionRepository(sessions);
	}

	/**
	 * A new map for {@link #repository(Map)}.
	 * @return the map
	 */
	public static Map<String, Session> sessions() {
		return new ConcurrentHashMap<>();
	}

	/**
	 * The client bound to the server.
	 * @return the client
	 */
	public WebTestClient client() {
		return this.client;
	}

	/**
	 * The session key set by a response, if any.
	 * @param headers the response headers
	 * @return the key, or {@code null} when no session cookie is set
	 */
	public static @Nullable String sessionKey(HttpHeaders headers) {
		for (String setCookie : headers.getOrEmpty(HttpHeaders.SET_COOKIE)) {
			Matcher matcher = SESSION_KEY.matcher(setCookie);
			if (matcher.find()) {
				return matcher.group(1);
			}
		}
		return null;
	}

	static MapSession stored(Map<String, Session> sessions, String key) {
		return (MapSession) sessions.get(key);
	}

	@Override
	public void close() {
		this.server.disposeNow();
	}

}
