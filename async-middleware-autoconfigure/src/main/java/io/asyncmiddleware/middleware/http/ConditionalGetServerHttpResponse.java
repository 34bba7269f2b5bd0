package io.asyncmiddleware.middleware.http;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

import io.asyncmiddleware.middleware.ResponseSnapshot;
import io.asyncmiddleware.middleware.WholeBodyResponseDecorator;
import io.asyncmiddleware.middleware.http.Preconditions.Outcome;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * The response of a GET as the layers below the {@code conditional-get} entry see it:
 * Django's {@code ConditionalGetMiddleware.process_response} runs when the body is
 * written or the response completed without one.
 */
final class ConditionalGetServerHttpResponse extends WholeBodyResponseDecorator {

	private static final Log logger = LogFactory.getLog(ConditionalGetWebFilter.class);

	// looked up once, here: getInstance searches the security providers
	private static final MessageDigest MD5_PROTOTYPE = newMd5();

	// one digest per thread, reset by each use: the body is digested in one synchronous
	// call, and an event loop digests every response it serves, where a digest per
	// response (even a clone copies the state) was garbage per request
	private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal
		.withInitial(ConditionalGetServerHttpResponse::copyOfPrototype);

	/** What a 304 keeps (RFC 9110 section 15.4.5, plus Last-Modified); cookies too. */
	private static final List<String> NOT_MODIFIED_HEADERS = List.of(HttpHeaders.CACHE_CONTROL,
			HttpHeaders.CONTENT_LOCATION, HttpHeaders.DATE, HttpHeaders.ETAG, HttpHeaders.EXPIRES,
			HttpHeaders.LAST_MODIFIED, HttpHeaders.VARY, HttpHeaders.SET_COOKIE);

	private final ServerHttpRequest request;

	// what a 304 or 412 starts from; taken only when the request has preconditions, as
	// without them every response proceeds
	private final @Nullable ResponseSnapshot outer;

	ConditionalGetServerHttpResponse(ServerHttpResponse delegate, ServerHttpRequest request) {
		super(delegate);
		this.request = request;
		this.outer = Preconditions.present(request.getHeaders()) ? ResponseSnapshot.of(delegate) : null;
	}

	@Override
	public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
		if (body instanceof Mono<? extends DataBuffer> mono) {
			// a Mono is the whole body in one buffer
			return receiveWhole(mono);
		}
		// a streamed body gets no ETag, but its own validators still count
		return answerOr(() -> super.writeWith(body));
	}

	@Override
	public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
		return answerOr(() -> super.writeAndFlushWith(body));
	}

	@Override
	public Mono<Void> setComplete() {
		return answerOr(super::setComplete);
	}

	@Override
	public Mono<Void> writeWhole(@Nullable DataBuffer body) {
		if (body == null) {
			return answerOr(() -> writeWholeDown(null));
		}
		if (body.readableByteCount() > 0 && !getHeaders().containsHeader(HttpHeaders.ETAG)
				&& !noStore(getHeaders())) {
			getHeaders().setETag("\"" + md5Hex(body) + "\"");
		}
		Outcome outcome = outcome();
		if (outcome == Outcome.PROCEED) {
			return writeWholeDown(body);
		}
		DataBufferUtils.release(body);
		return answer(outcome);
	}

	/**
	 * The evaluated response, or the given write when the preconditions hold; the write is
	 * started only then, as an entry above may change headers when it starts.
	 */
	private Mono<Void> answerOr(Supplier<Mono<Void>> proceed) {
		Outcome outcome = outcome();
		return (outcome != Outcome.PROCEED) ? answer(outcome) : proceed.get();
	}

	private Mono<Void> answer(Outcome outcome) {
		ResponseSnapshot outer = this.outer;
		Assert.state(outer != null, "A request without preconditions proceeds");
		HttpHeaders headers = getHeaders();
		HttpHeaders kept = new HttpHeaders();
		if (outcome == Outcome.NOT_MODIFIED) {
			for (String name : NOT_MODIFIED_HEADERS) {
				List<String> values = headers.get(name);
				if (values != null) {
					kept.put(name, values);
				}
			}
		}
		else {
			outer.restoreCookies(this);
			if (logger.isWarnEnabled()) {
				logger.warn("Precondition Failed: " + this.request.getPath().value());
			}
		}
		outer.restoreHeaders(this);
		headers.putAll(kept);
		setStatusCode((outcome == Outcome.NOT_MODIFIED) ? HttpStatus.NOT_MODIFIED : HttpStatus.PRECONDITION_FAILED);
		return super.setComplete();
	}

	private Outcome outcome() {
		HttpStatusCode status = getStatusCode();
		if (status != null && !status.is2xxSuccessful()) {
			return Outcome.PROCEED;
		}
		if (this.outer == null) {
			return Outcome.PROCEED;
		}
		String etag = getHeaders().getFirst(HttpHeaders.ETAG);
		long lastModified = getHeaders().getLastModified();
		if (etag == null && lastModified < 0) {
			return Outcome.PROCEED;
		}
		return new Preconditions(this.request.getHeaders()).evaluate(etag, lastModified);
	}

	/**
	 * Whether {@code Cache-Control} has the {@code no-store} directive, compared as a whole
	 * directive ignoring case as Django's {@code needs_etag} does.
	 */
	private static boolean noStore(HttpHeaders headers) {
		List<String> values = headers.get(HttpHeaders.CACHE_CONTROL);
		if (values == null) {
			return false;
		}
		for (String value : values) {
			for (String directive : StringUtils.tokenizeToStringArray(value, ",")) {
				if (directive.equalsIgnoreCase("no-store")) {
					return true;
				}
			}
		}
		return false;
	}

	private static String md5Hex(DataBuffer body) {
		MessageDigest digest = MD5.get();
		// left clean by the last use unless that failed halfway
		digest.reset();
		try (DataBuffer.ByteBufferIterator buffers = body.readableByteBuffers()) {
			while (buffers.hasNext()) {
				digest.update(buffers.next());
			}
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	private static MessageDigest copyOfPrototype() {
		try {
			return (MessageDigest) MD5_PROTOTYPE.clone();
		}
		catch (CloneNotSupportedException ex) {
			// a provider whose digest cannot be cloned: look one up for the thread
			return newMd5();
		}
	}

	private static MessageDigest newMd5() {
		try {
			return MessageDigest.getInstance("MD5");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("MD5 is required of every Java platform", ex);
		}
	}

}
