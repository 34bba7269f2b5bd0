package io.asyncmiddleware.middleware.csrf;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import io.asyncmiddleware.chain.SynchronousRequestStep;
import io.asyncmiddleware.handler.CsrfExempt;
import io.asyncmiddleware.handler.HandlerResolver;
import io.asyncmiddleware.handler.ResolvedHandler;
import io.asyncmiddleware.handler.ViewPhase;
import io.asyncmiddleware.middleware.RequestUrl;
import io.asyncmiddleware.request.RequestDataRejectedException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.DefaultCsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRepository;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Django's {@code CsrfViewMiddleware} as a non-blocking filter: a bare secret in the
 * cookie (or session), masked tokens in pages, the Origin check, the Referer check on
 * secure requests without Origin, then the token from the form field or header.
 *
 * <p>As Django, it does not check a request whose URL resolves to no handler (Django's
 * 404 comes first), unless the stack says a filter after it may serve such a request
 * ({@link ViewPhase#mayBeServedByFilter}: Spring Security's login and logout, a
 * {@code WebFilter} endpoint); then the check fails closed, except where a slash appended
 * to the path routes (common's APPEND_SLASH 301 answers).
 *
 * <p>Handlers see the token under {@code CsrfToken.class.getName()} (a
 * {@code Mono<CsrfToken>}, as Spring Security puts it) and {@value #TOKEN_ATTRIBUTE} (the
 * token itself, for templates); reading it is Django's {@code get_token}. A
 * {@link CsrfTokenRotation} sits in {@link CsrfTokenRotation#SLOT}.
 */
public class CsrfWebFilter implements WebFilter, SynchronousRequestStep {

	/** The attribute holding the {@link CsrfToken} for templates, as Spring Security names it. */
	public static final String TOKEN_ATTRIBUTE = "_csrf";

	/** The logger of rejections (Django: {@code django.security.csrf}). */
	public static final String LOGGER_NAME = "io.asyncmiddleware.csrf";

	private static final Log logger = LogFactory.getLog(LOGGER_NAME);

	private static final Set<HttpMethod> SAFE_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
			HttpMethod.TRACE);

	private final CsrfTokenFormat format;

	private final ServerCsrfTokenRepository repository;

	private final HandlerResolver handlerResolver;

	private final Predicate<ServerHttpRequest> isSecure;

	private String headerName = "X-CSRFToken";

	private String headerDisplayName = CsrfFailureReason.headerDisplayName("X-CSRFToken");

	private String fieldName = "csrfmiddlewaretoken";

	private CsrfOriginChecker originChecker = new CsrfOriginChecker(List.of());

	private @Nullable String refererCookieDomain;

	private CsrfFailurePage failurePage = new CsrfFailurePage(false);

	/**
	 * Creates a filter where a request is secure when its scheme is https.
	 * @param format the token format
	 * @param repository where the secret lives (cookie or session)
	 * @param handlerResolver resolves handlers for {@link CsrfExempt} and unroutable
	 * paths; {@code null} checks every request
	 */
	public CsrfWebFilter(CsrfTokenFormat format, ServerCsrfTokenRepository repository,
			@Nullable HandlerResolver handlerResolver) {
		this(format, repository, handlerResolver, (request) -> "https".equals(request.getURI().getScheme()));
	}

	/**
	 * Creates a filter.
	 * @param format the token format
	 * @param repository where the secret lives (cookie or session)
	 * @param handlerResolver resolves handlers for {@link CsrfExempt} and unroutable
	 * paths; {@code null} checks every request
	 * @param isSecure whether a request is secure (Django: {@code is_secure()})
	 */
	public CsrfWebFilter(CsrfTokenFormat format, ServerCsrfTokenRepository repository,
			@Nullable HandlerResolver handlerResolver, Predicate<ServerHttpRequest> isSecure) {
		this.format = format;
		this.repository = repository;
		this.handlerResolver = (handlerResolver != null) ? handlerResolver : new CheckEverything();
		this.isSecure = isSecure;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerWebExchange passed = passThrough(exchange);
		if (passed != null) {
			return chain.filter(passed);
		}
		return this.repository.loadToken(exchange)
			.map(CsrfToken::getToken)
			.map(this::incomingSecret)
			.defaultIfEmpty(incomingSecret(null))
			.flatMap((secret) -> writeSessionEagerly(exchange, secret))
			.flatMap((secret) -> {
				expose(exchange, secret);
				return this.handlerResolver.resolve(exchange)
					.defaultIfEmpty(ResolvedHandler.NONE)
					.flatMap((handler) -> checkOrPass(exchange, chain, handler));
			});
	}

	/**
	 * Most requests: Django's process_view accepts a safe method without a check, so only
	 * the secret is needed (for {@code get_token} and the cookie), and with the cookie store
	 * it is at hand: no handler lookup, no operators.
	 * @param exchange the exchange
	 * @return the exchange, or {@code null} for an unsafe method or the session store
	 */
	@Override
	public @Nullable ServerWebExchange passThrough(ServerWebExchange exchange) {
		if (!(this.repository instanceof CookieCsrfSecretRepository cookies)
				|| !SAFE_METHODS.contains(exchange.getRequest().getMethod())) {
			return null;
		}
		expose(exchange, incomingSecret(cookies.storedValue(exchange)));
		return exchange;
	}

	// Django's process_request: an invalid stored value is replaced by a new secret, sent
	// the request's secret from the stored value, or none when there is no cookie yet
	private RequestCsrfSecret incomingSecret(@Nullable String stored) {
		if (stored == null) {
			return new RequestCsrfSecret(this.format, null, false);
		}
		if (CsrfTokenFormat.formatProblem(stored) != null) {
			return new RequestCsrfSecret(this.format, this.format.newSecret(), true);
		}
		return new RequestCsrfSecret(this.format, CsrfTokenFormat.toSecret(stored), false);
	}

	// The session manager may save the session before our commit action: write it at once
	private Mono<RequestCsrfSecret> writeSessionEagerly(ServerWebExchange exchange, RequestCsrfSecret secret) {
		if (!(this.repository instanceof SessionCsrfSecretRepository sessionRepository)) {
			return Mono.just(secret);
		}
		return exchange.getSession().map((session) -> {
			secret.onSend((value) -> sessionRepository.putSecret(session, value));
			return secret;
		});
	}

	// get_token for the request, and the cookie sent at commit if the secret was used
	private void expose(ServerWebExchange exchange, RequestCsrfSecret secret) {
		exchange.getResponse().beforeCommit(() -> sendIfNeeded(exchange, secret));
		LazyCsrfToken token = new LazyCsrfToken(this.headerName, this.fieldName, secret);
		Map<String, Object> attributes = exchange.getAttributes();
		attributes.put(CsrfToken.class.getName(), Mono.just(token));
		attributes.put(TOKEN_ATTRIBUTE, token);
		CsrfTokenRotation.SLOT.set(exchange, () -> Mono.fromRunnable(secret::rotate));
	}

	private Mono<Void> sendIfNeeded(ServerWebExchange exchange, RequestCsrfSecret secret) {
		String value = secret.takeSecretToSend();
		if (value == null) {
			return Mono.empty();
		}
		return this.repository.saveToken(exchange, new DefaultCsrfToken(this.headerName, this.fieldName, value));
	}

	// Django's process_view, steps 1 to 3: exempt and safe requests pass, and so do
	// unroutable ones (a path that routes with another method is a view: Django resolves by
	// path, and the view's 405 comes after this check), which end in Django's 404 before any view-level check. Here a filter
	// after the stack may serve a request no handler resolves (Spring Security's login and
	// logout, a WebFilter endpoint): then it is checked, failing closed
	private Mono<Void> checkOrPass(ServerWebExchange exchange, WebFilterChain chain, ResolvedHandler handler) {
		if (SAFE_METHODS.contains(exchange.getRequest().getMethod()) || handler.hasAnnotation(CsrfExempt.class)) {
			return chain.filter(exchange);
		}
		if (ViewPhase.refusal(exchange) != null) {
			// an earlier view-level step answered: Django's process_view stops there
			return chain.filter(exchange);
		}
		if (handler.isView()) {
			return check(exchange, chain, (reason) -> reject(exchange, chain, reason));
		}
		if (!ViewPhase.mayBeServedByFilter(exchange)) {
			return chain.filter(exchange);
		}
		return check(exchange, chain, (reason) -> rejectUnresolved(exchange, chain, reason));
	}

	// Refused as a view-level refusal, which the stack writes before any filter that could
	// serve it; unless the path with a slash routes: then Django's answer is common's
	// APPEND_SLASH 301, which comes from the 404
	private Mono<Void> rejectUnresolved(ServerWebExchange exchange, WebFilterChain chain, String reason) {
		String path = exchange.getRequest().getPath().value();
		Mono<Boolean> slashRoutes = path.endsWith("/") ? Mono.just(false)
				: this.handlerResolver.isRoutable(exchange, path + "/");
		return slashRoutes.flatMap((routes) -> routes ? chain.filter(exchange) : reject(exchange, chain, reason));
	}

	private Mono<Void> check(ServerWebExchange exchange, WebFilterChain chain,
			Function<String, Mono<Void>> reject) {
		ServerHttpRequest request = exchange.getRequest();
		String origin = joinedHeader(request, HttpHeaders.ORIGIN);
		String host = RequestUrl.rawHost(request);
		boolean secure = this.isSecure.test(request);
		if (origin != null) {
			if (!this.originChecker.isOriginVerified(origin, host, secure)) {
				return reject.apply(String.format(CsrfFailureReason.BAD_ORIGIN, origin));
			}
		}
		else if (secure) {
			String failure = this.originChecker.refererFailure(joinedHeader(request, HttpHeaders.REFERER), host,
					this.refererCookieDomain, RequestUrl.port(request));
			if (failure != null) {
				return reject.apply(failure);
			}
		}
		return this.repository.loadToken(exchange)
			.map((stored) -> Optional.of(stored.getToken()))
			.defaultIfEmpty(Optional.empty())
			.flatMap((stored) -> {
				// decided on the stored secret before the body is read: a request without
				// a cookie (or with a bad one) is refused with its body untouched
				String storedFailure = storedFailure(stored.orElse(null));
				if (storedFailure != null) {
					return reject.apply(storedFailure);
				}
				return formToken(exchange).flatMap((formToken) -> {
					String failure = tokenFailure(request, stored.get(), formToken);
					return (failure != null) ? reject.apply(failure) : chain.filter(exchange);
				});
			});
	}

	private static @Nullable String storedFailure(@Nullable String stored) {
		if (stored == null) {
			return CsrfFailureReason.NO_CSRF_COOKIE;
		}
		String storedProblem = CsrfTokenFormat.formatProblem(stored);
		return (storedProblem != null) ? CsrfFailureReason.badCookie(storedProblem) : null;
	}

	// Django's _check_token, with the stored value re-read as sent
	private @Nullable String tokenFailure(ServerHttpRequest request, String stored, String formToken) {
		String secret = CsrfTokenFormat.toSecret(stored);
		boolean fromHeader = formToken.isEmpty();
		String token = fromHeader ? joinedHeader(request, this.headerName) : formToken;
		if (token == null) {
			return CsrfFailureReason.CSRF_TOKEN_MISSING;
		}
		String problem = CsrfTokenFormat.formatProblem(token);
		if (problem == null && !CsrfTokenFormat.matches(token, secret)) {
			problem = CsrfFailureReason.INCORRECT;
		}
		if (problem == null) {
			return null;
		}
		return fromHeader ? CsrfFailureReason.badHeaderToken(this.headerDisplayName, problem)
				: CsrfFailureReason.badFormToken(problem);
	}

	// The field is read only from POST forms; exchange caches the parsed form for the handler
	private Mono<String> formToken(ServerWebExchange exchange) {
		ServerHttpRequest request = exchange.getRequest();
		MediaType contentType;
		try {
			contentType = request.getHeaders().getContentType();
		}
		catch (RuntimeException ex) {
			return Mono.just("");
		}
		if (!HttpMethod.POST.equals(request.getMethod()) || contentType == null) {
			return Mono.just("");
		}
		Mono<String> token;
		if (MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(contentType)) {
			token = exchange.getFormData().mapNotNull(this::lastValue);
		}
		else if (MediaType.MULTIPART_FORM_DATA.isCompatibleWith(contentType)) {
			token = exchange.getMultipartData().mapNotNull(this::lastFieldValue);
		}
		else {
			return Mono.just("");
		}
		// Django: an unreadable body means a missing token (UnreadablePostError), but a
		// body over the data limits is refused with 400 (RequestDataTooBig and the like)
		return token.onErrorResume((ex) -> !(ex instanceof RequestDataRejectedException), (ex) -> Mono.empty())
			.defaultIfEmpty("");
	}

	private @Nullable String lastValue(MultiValueMap<String, String> form) {
		List<String> values = form.get(this.fieldName);
		return (values == null || values.isEmpty()) ? null : values.get(values.size() - 1);
	}

	private @Nullable String lastFieldValue(MultiValueMap<String, Part> parts) {
		List<Part> values = parts.get(this.fieldName);
		if (values == null || values.isEmpty()) {
			return null;
		}
		return (values.get(values.size() - 1) instanceof FormFieldPart field) ? field.value() : null;
	}

	// Django rejects in process_view: the 403 passes out through every entry below this one
	private Mono<Void> reject(ServerWebExchange exchange, WebFilterChain chain, String reason) {
		return ViewPhase.refuse(exchange, chain, (refused) -> writeRejection(refused, reason));
	}

	private Mono<Void> writeRejection(ServerWebExchange exchange, String reason) {
		if (logger.isWarnEnabled()) {
			logger.warn("Forbidden (" + PythonEscape.unicodeEscape(reason) + "): "
					+ PythonEscape.unicodeEscape(RequestUrl.decodedPath(exchange.getRequest())));
		}
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(HttpStatus.FORBIDDEN);
		response.getHeaders().setContentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8));
		byte[] body = this.failurePage.render(reason).getBytes(StandardCharsets.UTF_8);
		return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
	}

	// Several headers of one name reach Django joined with ',' (WSGI)
	private static @Nullable String joinedHeader(ServerHttpRequest request, String name) {
		List<String> values = request.getHeaders().get(name);
		return (values == null || values.isEmpty()) ? null : String.join(",", values);
	}

	/**
	 * The header carrying a token: a header name ({@code X-CSRFToken}) or Django's WSGI
	 * form ({@code HTTP_X_CSRFTOKEN}) (Django: CSRF_HEADER_NAME).
	 * @param headerName the header name
	 */
	public void setHeaderName(String headerName) {
		String name = headerName.startsWith("HTTP_") ? headerName.substring(5).replace('_', '-') : headerName;
		this.headerName = name;
		this.headerDisplayName = CsrfFailureReason.headerDisplayName(name);
	}

	/**
	 * The form field carrying a token.
	 * @param fieldName the field name
	 */
	public void setFieldName(String fieldName) {
		this.fieldName = fieldName;
	}

	/**
	 * Origins trusted besides the request's own (Django: CSRF_TRUSTED_ORIGINS).
	 * @param trustedOrigins origins with scheme, wildcards allowed as {@code https://*.example.com}
	 */
	public void setTrustedOrigins(List<String> trustedOrigins) {
		this.originChecker = new CsrfOriginChecker(trustedOrigins);
	}

	/**
	 * The domain a Referer may match instead of the host: the CSRF cookie domain, or in
	 * session mode the session cookie domain (Django: CSRF_COOKIE_DOMAIN / SESSION_COOKIE_DOMAIN).
	 * @param refererCookieDomain the domain, or {@code null}
	 */
	public void setRefererCookieDomain(@Nullable String refererCookieDomain) {
		this.refererCookieDomain = refererCookieDomain;
	}

	/**
	 * Whether the 403 page shows the reason and help (Django: DEBUG).
	 * @param debug the flag
	 */
	public void setDebug(boolean debug) {
		this.failurePage = new CsrfFailurePage(debug);
	}

	private static final class CheckEverything implements HandlerResolver {

		private static final ResolvedHandler ANY = new ResolvedHandler(new Object(), Map.of());

		@Override
		public Mono<ResolvedHandler> resolve(ServerWebExchange exchange) {
			return Mono.just(ANY);
		}

		@Override
		public Mono<Boolean> isRoutable(ServerWebExchange exchange, String path) {
			return Mono.just(true);
		}

	}

}
