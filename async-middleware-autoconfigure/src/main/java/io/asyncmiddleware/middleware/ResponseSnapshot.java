package io.asyncmiddleware.middleware;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A response's headers and cookies as an entry received them, for an entry that may answer
 * with a response of its own instead of the one from below (common's APPEND_SLASH redirect,
 * conditional-get's 304 and 412): Django's middleware build a new response there, so what
 * the layers below set is dropped, and what the layers above set before is kept.
 *
 * @param headers the headers
 * @param cookies the cookies
 */
public record ResponseSnapshot(HttpHeaders headers, MultiValueMap<String, ResponseCookie> cookies) {

	/**
	 * Copies a response's headers and cookies.
	 * @param response the response
	 * @return the copy
	 */
	public static ResponseSnapshot of(ServerHttpResponse response) {
		return new ResponseSnapshot(HttpHeaders.copyOf(response.getHeaders()),
				new LinkedMultiValueMap<>(response.getCookies()));
	}

	/**
	 * Puts the headers back as they were.
	 * @param response the response
	 */
	public void restoreHeaders(ServerHttpResponse response) {
		response.getHeaders().clear();
		response.getHeaders().putAll(this.headers);
	}

	/**
	 * Puts the cookies back as they were.
	 * @param response the response
	 */
	public void restoreCookies(ServerHttpResponse response) {
		response.getCookies().clear();
		response.getCookies().addAll(this.cookies);
	}

}
