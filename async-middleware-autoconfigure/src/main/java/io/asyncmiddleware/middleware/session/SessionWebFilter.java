package io.asyncmiddleware.middleware.session;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import io.asyncmiddleware.chain.ComposedStackWebFilter;
import io.asyncmiddleware.chain.SynchronousRequestStep;
import io.asyncmiddleware.detection.NonBlocking;
import io.asyncmiddleware.middleware.VaryHeader;
import io.asyncmiddleware.request.StackExchange;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.util.Assert;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.server.WebSession;
import org.springframework.web.server.session.WebSessionStore;

/**
 * The {@code session} entry: Django's {@code SessionMiddleware} over a Spring Session
 * store.
 *
 * <p>On the way in it gives the rest of the chain a lazy session: nothing is loaded
 * until something calls {@code exchange.getSession()} and reads it. A key from the cookie
 * is used only if the store knows it, never adopted otherwise (session fixation). On the
 * way out, as Django does: a request that brought a cookie but ends with an empty session
 * (flushed, too-short key, unknown key that was read) gets the cookie deleted; a modified
 * session (or any non-empty one with {@code save-every-request}) is saved and its cookie
 * sent, unless the status is 5xx; {@code Vary: Cookie} whenever the session was accessed
 * or the cookie is set or deleted.
 *
 * <p>When the store cannot be reached (see {@link SessionStoreUnavailableException}),
 * loading or saving the session answers {@code 503 Service Unavailable} with
 * {@code Retry-After} instead of a {@code 500} ({@link SessionExceptionHandler}, also
 * where the application's exception handlers render errors); requests that never use the
 * session are not affected. A stored session that cannot be read back (a type outside the Redis
 * serializer's allow-list, data of another serializer) is treated as no session, as
 * Django treats corrupt session data. A loaded session that was deleted from the store before this request
 * saved it (a concurrent logout) is not brought back: the answer is Django's
 * {@code SessionInterrupted}, {@code 400}.
 *
 * <p>This entry writes the cookie itself, so the {@code WebSessionManager} of the
 * application (Spring's {@code SESSION} cookie) is never asked for a session by anything
 * after this entry.
 */
@NonBlocking
public final class SessionWebFilter implements WebFilter, SynchronousRequestStep {

	// Django accepts any key of 8 characters or more and looks it up; keys that no store
	// could have issued (too long, not printable ASCII) are not sent to the store but
	// behave exactly like unknown keys.
	private static final int MIN_KEY_LENGTH = 8;

	private static final Pattern STORABLE_KEY = Pattern.compile("[\\x21-\\x7E&&[^;,\"\\\\]]{8,256}");

	private final WebSessionStore store;

	private final SessionCookie cookie;

	private final SessionSettings settings;

	private final SessionExceptionHandler errors;

	/**
	 * Creates the entry.
	 * @param store the session store (a {@code SpringSessionWebSessionStore} over the
	 * application's {@code ReactiveSessionRepository})
	 * @param cookie writes the session cookie
	 * @param settings lifetime and saving rules
	 */
	public SessionWebFilter(WebSessionStore store, SessionCookie cookie, SessionSettings settings) {
		Assert.notNull(store, "'store' must not be null");
		Assert.notNull(cookie, "'cookie' must not be null");
		Assert.notNull(settings, "'settings' must not be null");
		this.store = store;
		this.cookie = cookie;
		this.settings = settings;
		this.errors = new SessionExceptionHandler(settings.storeRetryAfter());
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerWebExchange passed = passThrough(exchange);
		if (passed != null) {
			return chain.filter(passed);
		}
		// one operator for both of the entry's own answers: this is on every request
		return chain.filter(withLazySession(exchange))
			.onErrorResume(SessionExceptionHandler::answers, (ex) -> this.errors.handle(exchange.getResponse(), ex));
	}

	/**
	 * In a stack that renders errors where they arrive, with the application's exception
	 * handlers, the entry's own answers come from its {@link SessionExceptionHandler}, which
	 * the auto-configuration registers with them: the request needs only the lazy session
	 * and the response phase.
	 * @param exchange the exchange
	 * @return the exchange with the lazy session, or {@code null} when errors from below
	 * reach this entry as errors
	 */
	@Override
	public @Nullable ServerWebExchange passThrough(ServerWebExchange exchange) {
		return ComposedStackWebFilter.answersErrorsInside(exchange) ? withLazySession(exchange) : null;
	}

	private ServerWebExchange withLazySession(ServerWebExchange exchange) {
		@Nullable String incoming = incomingKey(exchange);
		RequestSession session = new RequestSession(incoming);
		ServerWebExchange withSession = StackExchange.withSession(exchange, session);
		exchange.getResponse().beforeCommit(() -> processResponse(exchange.getResponse(), session));
		return withSession;
	}

	// Django's cookie parser keeps the last of duplicated names.
	private @Nullable String incomingKey(ServerWebExchange exchange) {
		List<HttpCookie> cookies = exchange.getRequest().getCookies().get(this.cookie.getName());
		return (cookies != null && !cookies.isEmpty()) ? cookies.get(cookies.size() - 1).getValue() : null;
	}

	private Mono<Void> processResponse(ServerHttpResponse response, RequestSession requestSession) {
		if (!requestSession.startResponse()) {
			// a second commit: the first failed (store unreachable) and a 503 is written
			return Mono.empty();
		}
		if (!requestSession.isNeededForResponse(this.settings.saveEveryRequest())) {
			// Never loaded: only a key too short to be valid is answered (Django deletes it
			// even when the view ignores the session).
			if (requestSession.hadCookie() && !requestSession.hadValidKey()) {
				deleteCookie(response);
			}
			return Mono.empty();
		}
		return requestSession.session().flatMap((session) -> {
			if (requestSession.hadCookie() && session.isEmpty()) {
				deleteCookie(response);
				return Mono.empty();
			}
			if (session.isAccessed()) {
				VaryHeader.add(response.getHeaders(), HttpHeaders.COOKIE);
			}
			if (!(session.isModified() || this.settings.saveEveryRequest()) || session.isEmpty()
					|| isServerError(response.getStatusCode())) {
				return Mono.empty();
			}
			return saveAndSetCookie(response, session);
		});
	}

	private Mono<Void> saveAndSetCookie(ServerHttpResponse response, TrackedWebSession session) {
		@Nullable Duration expiry = session.getExpiry();
		Duration age = (expiry == null || expiry.isZero()) ? this.settings.cookieAge() : expiry;
		boolean browserSession = (expiry != null) ? expiry.isZero() : this.settings.expireAtBrowserClose();
		return session.save(age).then(Mono.fromRunnable(() -> {
			response.getHeaders().add(HttpHeaders.SET_COOKIE, this.cookie.set(session.getId(), browserSession ? null : age));
			VaryHeader.add(response.getHeaders(), HttpHeaders.COOKIE);
		}));
	}

	private void deleteCookie(ServerHttpResponse response) {
		response.getHeaders().add(HttpHeaders.SET_COOKIE, this.cookie.delete());
		VaryHeader.add(response.getHeaders(), HttpHeaders.COOKIE);
	}

	private static boolean isServerError(@Nullable HttpStatusCode status) {
		return status != null && status.is5xxServerError();
	}

	/**
	 * The session of one request, loaded on first use. It is also the session supplier of
	 * the request's exchange layer, so that layer costs no adapter.
	 */
	private final class RequestSession implements Supplier<Mono<WebSession>> {

		private final @Nullable String incomingKey;

		// assembled on first use (Django's SessionStore loads lazily too): most requests
		// never touch their session
		private volatile @Nullable Mono<TrackedWebSession> session;

		private volatile boolean loaded;

		private volatile boolean responseStarted;

		RequestSession(@Nullable String incomingKey) {
			this.incomingKey = incomingKey;
		}

		/**
		 * Whether this is the first time the response phase runs for this request.
		 */
		boolean startResponse() {
			// commits of one response run one after the other, never at once
			boolean first = !this.responseStarted;
			this.responseStarted = true;
			return first;
		}

		@Override
		@SuppressWarnings("unchecked")
		public Mono<WebSession> get() {
			// a TrackedWebSession is a WebSession: no cast operator per call
			return (Mono<WebSession>) (Mono<? extends WebSession>) session();
		}

		Mono<TrackedWebSession> session() {
			Mono<TrackedWebSession> session = this.session;
			if (session == null) {
				synchronized (this) {
					session = this.session;
					if (session == null) {
						session = Mono.defer(this::load).doOnNext((loaded) -> this.loaded = true).cache();
						this.session = session;
					}
				}
			}
			return session;
		}

		/**
		 * Whether the response phase needs the session: when it was loaded, or when every
		 * request saves a session that has a valid key.
		 */
		boolean isNeededForResponse(boolean saveEveryRequest) {
			return this.loaded || (saveEveryRequest && hadValidKey());
		}

		boolean hadCookie() {
			return this.incomingKey != null;
		}

		boolean hadValidKey() {
			return this.incomingKey != null && this.incomingKey.length() >= MIN_KEY_LENGTH;
		}

		private Mono<TrackedWebSession> load() {
			WebSessionStore store = SessionWebFilter.this.store;
			if (this.incomingKey == null || !STORABLE_KEY.matcher(this.incomingKey).matches()) {
				return Mono.just(new TrackedWebSession(store, null));
			}
			return store.retrieveSession(this.incomingKey)
				.filter((existing) -> !existing.isExpired())
				.map((existing) -> new TrackedWebSession(store, existing))
				.defaultIfEmpty(new TrackedWebSession(store, null))
				.onErrorResume(UnreadableSession::isUnreadable, (ex) -> {
					UnreadableSession.log(ex);
					return Mono.just(new TrackedWebSession(store, null));
				})
				.onErrorMap(SessionStoreUnavailableException::translate);
		}

	}

}
