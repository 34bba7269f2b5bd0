package io.asyncmiddleware.middleware;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;

/**
 * The response decorator of an entry whose response step works on a whole body
 * ({@code conditional-get}'s ETag, {@code gzip}, {@code common}'s Content-Length and 404
 * handling), as Django's {@code process_response} gets {@code response.content}.
 *
 * <p>A handler writes a non-streaming body as one {@code Mono<DataBuffer>}. The first of
 * these decorators to receive it waits for the buffer once ({@link #receiveWhole}) and
 * hands it down to the next one as the buffer itself ({@link #writeWholeDown}), so the
 * body passes through every entry's step in one ordered pass, innermost first, instead of
 * each decorator wrapping the {@code Mono} in operators of its own. A decorator of another
 * kind in between (an application's) gets the body as a {@code Mono} again.
 */
public abstract class WholeBodyResponseDecorator extends ServerHttpResponseDecorator {

	/** Stands for an empty body between receiving and writing; never written. */
	private static final DataBuffer NO_BODY = DefaultDataBufferFactory.sharedInstance.allocateBuffer(0);

	/**
	 * Decorates a response.
	 * @param delegate the response underneath
	 */
	protected WholeBodyResponseDecorator(ServerHttpResponse delegate) {
		super(delegate);
	}

	/**
	 * Runs this entry's step on the whole body and writes it on down.
	 * @param body the body, or {@code null} when the handler wrote an empty one
	 * @return completes when written
	 */
	public abstract Mono<Void> writeWhole(@Nullable DataBuffer body);

	/**
	 * Waits for a {@code Mono} body's buffer, then {@link #writeWhole writes it whole}.
	 * @param body the body as the handler wrote it
	 * @return completes when written
	 */
	@SuppressWarnings("unchecked")
	protected final Mono<Void> receiveWhole(Mono<? extends DataBuffer> body) {
		return ((Mono<DataBuffer>) body).defaultIfEmpty(NO_BODY)
			.flatMap((buffer) -> writeWhole((buffer != NO_BODY) ? buffer : null));
	}

	/**
	 * Writes a whole body to the response underneath: directly when it takes whole bodies,
	 * as a {@code Mono} otherwise.
	 * @param body the body, or {@code null} for an empty one
	 * @return completes when written
	 */
	protected final Mono<Void> writeWholeDown(@Nullable DataBuffer body) {
		ServerHttpResponse next = getDelegate();
		if (next instanceof WholeBodyResponseDecorator whole) {
			return whole.writeWhole(body);
		}
		return next.writeWith((body != null) ? Mono.just(body) : Mono.empty());
	}

}
