package io.asyncmiddleware.middleware.session;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.util.Assert;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

/**
 * The {@code session} entry's own answers to its two errors, wherever they are rendered:
 * {@code 503 Service Unavailable} with {@code Retry-After} when the session store cannot
 * be reached ({@link SessionStoreUnavailableException}), and Django's {@code 400} when the
 * session was deleted while the request used it ({@link SessionInterruptedException}).
 * Each is a short plain-text answer without the session cookie; any other error is left
 * to the handlers after this one.
 *
 * <p>Ordered before Spring Boot's {@code ErrorWebExceptionHandler}, so that an
 * application's stack, which renders errors with the application's exception handlers
 * where they arrive, gives these answers rather than the generic error page.
 */
public final class SessionExceptionHandler implements WebExceptionHandler, Ordered {

	/** Just before Spring Boot's {@code ErrorWebExceptionHandler} ({@code -2}). */
	public static final int ORDER = -3;

	private static final byte[] STORE_UNAVAILABLE = "Session store unavailable; retry later.\n"
		.getBytes(StandardCharsets.UTF_8);

	private static final byte[] SESSION_INTERRUPTED = (SessionInterruptedException.REASON + "\n")
		.getBytes(StandardCharsets.UTF_8);

	private static final MediaType TEXT_PLAIN = new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);

	private final String retryAfter;

	/**
	 * Creates the handler.
	 * @param retryAfter the {@code Retry-After} of the {@code 503}, at least a second
	 */
	public SessionExceptionHandler(Duration retryAfter) {
		Assert.isTrue(retryAfter.toSeconds() > 0, "'retryAfter' must be at least one second");
		this.retryAfter = Long.toString(retryAfter.toSeconds());
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		return handle(exchange.getResponse(), ex);
	}

	Mono<Void> handle(ServerHttpResponse response, Throwable ex) {
		if (ex instanceof SessionInterruptedException) {
			return answer(response, ex, HttpStatus.BAD_REQUEST, SESSION_INTERRUPTED, null);
		}
		if (ex instanceof SessionStoreUnavailableException) {
			return answer(response, ex, HttpStatus.SERVICE_UNAVAILABLE, STORE_UNAVAILABLE, this.retryAfter);
		}
		return Mono.error(ex);
	}

	/**
	 * Whether the error is one this handler answers.
	 * @param ex the error
	 * @return whether it is the session's own
	 */
	static boolean answers(Throwable ex) {
		return ex instanceof SessionStoreUnavailableException || ex instanceof SessionInterruptedException;
	}

	/**
	 * Replaces the response with a short text answer, without the session cookie (a failed
	 * before-commit action leaves the response uncommitted, so it can still be answered); a
	 * response already on its way gets the error instead.
	 */
	private static Mono<Void> answer(ServerHttpResponse response, Throwable ex, HttpStatus status, byte[] body,
			@Nullable String retryAfter) {
		if (response.isCommitted() || !response.setStatusCode(status)) {
			return Mono.error(ex);
		}
		HttpHeaders headers = response.getHeaders();
		headers.remove(HttpHeaders.SET_COOKIE);
		if (retryAfter != null) {
			headers.set(HttpHeaders.RETRY_AFTER, retryAfter);
		}
		headers.setContentType(TEXT_PLAIN);
		headers.setContentLength(body.length);
		return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
