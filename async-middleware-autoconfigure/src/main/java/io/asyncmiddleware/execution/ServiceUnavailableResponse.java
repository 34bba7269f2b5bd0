package io.asyncmiddleware.execution;

import java.nio.charset.StandardCharsets;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;

/**
 * The {@code 503 Service Unavailable} an isolated entry answers with when its bulkhead
 * is full or a hop timed out: a {@code Retry-After} header and the reason as text.
 */
final class ServiceUnavailableResponse {

	private ServiceUnavailableResponse() {
	}

	/**
	 * Answers 503 on a response that is not committed yet; else leaves it alone.
	 * @param response the response
	 * @param rejection why
	 * @return completes when written
	 */
	static Mono<Void> write(ServerHttpResponse response, BulkheadRejectedException rejection) {
		if (response.isCommitted() || !markStatus(response, rejection)) {
			return Mono.empty();
		}
		response.getHeaders().setContentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8));
		byte[] body = rejection.getMessage().getBytes(StandardCharsets.UTF_8);
		response.getHeaders().setContentLength(body.length);
		return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
	}

	/**
	 * Sets the 503 status and {@code Retry-After} only, for a response whose body is
	 * already on its way (a hop in a before-commit action failed).
	 * @param response the response
	 * @param rejection why
	 * @return {@code false} if the status can no longer change
	 */
	static boolean markStatus(ServerHttpResponse response, BulkheadRejectedException rejection) {
		// no isCommitted() check: before-commit actions may still change the status
		if (!response.setStatusCode(HttpStatus.SERVICE_UNAVAILABLE)) {
			return false;
		}
		response.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(rejection.getRetryAfterSeconds()));
		return true;
	}

}
