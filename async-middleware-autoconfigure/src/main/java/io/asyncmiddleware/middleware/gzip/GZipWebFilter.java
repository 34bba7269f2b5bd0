package io.asyncmiddleware.middleware.gzip;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.List;

import io.asyncmiddleware.chain.SynchronousRequestStep;
import io.asyncmiddleware.detection.NonBlocking;
import io.asyncmiddleware.request.StackExchange;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Django's {@code GZipMiddleware}: compresses response bodies for clients whose
 * {@code Accept-Encoding} names gzip.
 *
 * <p>A body written at once (a {@code Mono}) of fewer than 200 bytes, or a response that
 * already has a {@code Content-Encoding}, is left alone. Any other response gets
 * {@code Vary: Accept-Encoding}, whether the client accepts gzip or not. A body written at
 * once is compressed only when that makes it smaller, and its {@code Content-Length} is
 * the compressed size; a streamed body (a {@code Flux}, or {@code writeAndFlushWith}) is
 * compressed chunk by chunk, each chunk flushed, without {@code Content-Length}. A
 * compressed response's strong {@code ETag} becomes weak. Any status is compressed.
 *
 * <p>As in Django, q-values in {@code Accept-Encoding} are ignored: the word {@code gzip}
 * is enough. With random padding, the gzip header carries a file name of 0 to 99
 * {@code a} bytes so that compressed lengths vary between identical requests (BREACH).
 */
@NonBlocking
public final class GZipWebFilter implements WebFilter, SynchronousRequestStep {

	/** Django's {@code GZipMiddleware.max_random_bytes}. */
	static final int MAX_RANDOM_BYTES = 100;

	private static final String GZIP = "gzip";

	private final boolean randomPadding;

	private final SecureRandom random;

	/**
	 * Creates the filter.
	 * @param randomPadding whether the gzip header carries a random-length file name
	 * (Django: {@code max_random_bytes} 100, or 0 when false)
	 */
	public GZipWebFilter(boolean randomPadding) {
		this.randomPadding = randomPadding;
		this.random = seededRandom();
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return chain.filter(passThrough(exchange));
	}

	/**
	 * The exchange with the compressing response.
	 * @param exchange the exchange
	 * @return the exchange the rest of the chain gets
	 */
	@Override
	public ServerWebExchange passThrough(ServerWebExchange exchange) {
		boolean acceptsGzip = acceptsGzip(exchange.getRequest().getHeaders());
		GZipServerHttpResponse response = new GZipServerHttpResponse(exchange.getResponse(), acceptsGzip, this);
		return StackExchange.withResponse(exchange, response);
	}

	/**
	 * Starts a gzip member with the header this filter writes.
	 * @return a new member
	 */
	GzipMember newMember() {
		return new GzipMember(paddingLength());
	}

	/**
	 * The file name length for the next gzip header.
	 * @return 0 to 99 with random padding, else -1 (no file name)
	 */
	int paddingLength() {
		return this.randomPadding ? this.random.nextInt(MAX_RANDOM_BYTES) : -1;
	}

	// Django's re_accepts_gzip, r"\bgzip\b", as a scan: it runs on every request, and a
	// regular expression would build a matcher (and join the values) each time
	static boolean acceptsGzip(HttpHeaders headers) {
		List<String> values = headers.get(HttpHeaders.ACCEPT_ENCODING);
		if (values == null) {
			return false;
		}
		for (String value : values) {
			for (int at = value.indexOf(GZIP); at >= 0; at = value.indexOf(GZIP, at + 1)) {
				int end = at + GZIP.length();
				if ((at == 0 || !isWordChar(value.charAt(at - 1)))
						&& (end == value.length() || !isWordChar(value.charAt(end)))) {
					return true;
				}
			}
		}
		return false;
	}

	// what \b takes for a word character in Java's (and Python's) regular expressions
	private static boolean isWordChar(char c) {
		return Character.isLetterOrDigit(c) || c == '_';
	}

	private static SecureRandom seededRandom() {
		SecureRandom random;
		try {
			// A DRBG seeds itself once, here on the thread creating the filter, and never reads
			// the entropy source again on an event loop
			random = SecureRandom.getInstance("DRBG");
		}
		catch (NoSuchAlgorithmException ex) {
			random = new SecureRandom();
		}
		random.nextInt();
		return random;
	}

}
