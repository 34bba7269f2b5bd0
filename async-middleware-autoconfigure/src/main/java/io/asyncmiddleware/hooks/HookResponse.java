package io.asyncmiddleware.hooks;

import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.util.Assert;

/**
 * A response returned by a {@link SyncHooks} method to short-circuit the chain, like a
 * Django middleware returning an {@code HttpResponse}.
 *
 * @param status the status
 * @param headers the headers to set
 * @param body the body bytes (may be empty)
 */
public record HookResponse(HttpStatusCode status, HttpHeaders headers, byte[] body) {

	public HookResponse {
		Assert.notNull(status, "'status' must not be null");
		headers = (headers != null) ? headers : new HttpHeaders();
		body = (body != null) ? body : new byte[0];
	}

	/**
	 * A response with a status and no body.
	 * @param status the status
	 * @return the response
	 */
	public static HookResponse status(HttpStatusCode status) {
		return new HookResponse(status, new HttpHeaders(), new byte[0]);
	}

	/**
	 * A {@code text/plain; charset=utf-8} response.
	 * @param status the status
	 * @param text the body
	 * @return the response
	 */
	public static HookResponse text(HttpStatusCode status, String text) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8));
		return new HookResponse(status, headers, text.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * A 302 redirect.
	 * @param location the {@code Location} header
	 * @return the response
	 */
	public static HookResponse redirect(String location) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.LOCATION, location);
		return new HookResponse(HttpStatus.FOUND, headers, new byte[0]);
	}

}
