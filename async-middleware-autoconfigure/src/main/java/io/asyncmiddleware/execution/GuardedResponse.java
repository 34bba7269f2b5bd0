package io.asyncmiddleware.execution;

import java.util.function.Function;
import java.util.function.Supplier;

import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseCookie;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The response as an adapted or isolated entry sees it.
 *
 * <p>Once {@linkplain #close() closed} (the entry timed out or was rejected), whatever
 * the entry's late work does to it is dropped: status, headers, cookies, body and
 * before-commit actions never reach the real response. Before-commit actions the entry
 * registers from its own code run as a hop off the event loop, like the rest of the
 * entry's blocking work.
 */
final class GuardedResponse extends ServerHttpResponseDecorator {

	private final Function<Supplier<? extends Mono<Void>>, Mono<Void>> commitHop;

	private volatile boolean closed;

	private volatile boolean entryRunning = true;

	GuardedResponse(ServerHttpResponse delegate, Function<Supplier<? extends Mono<Void>>, Mono<Void>> commitHop) {
		super(delegate);
		this.commitHop = commitHop;
	}

	/**
	 * Drops everything the entry does to the response from now on.
	 */
	void close() {
		this.closed = true;
	}

	boolean isClosed() {
		return this.closed;
	}

	/**
	 * Whether the entry's own code is running (a hop) rather than the chain below it.
	 * @param running {@code true} during the entry's hops
	 */
	void entryRunning(boolean running) {
		this.entryRunning = running;
	}

	@Override
	public boolean setStatusCode(HttpStatusCode status) {
		return !this.closed && super.setStatusCode(status);
	}

	@Override
	public boolean setRawStatusCode(Integer value) {
		return !this.closed && super.setRawStatusCode(value);
	}

	@Override
	public HttpHeaders getHeaders() {
		// a detached copy: late writes land nowhere
		return this.closed ? new HttpHeaders() : super.getHeaders();
	}

	@Override
	public MultiValueMap<String, ResponseCookie> getCookies() {
		return this.closed ? new LinkedMultiValueMap<>() : super.getCookies();
	}

	@Override
	public void addCookie(ResponseCookie cookie) {
		if (!this.closed) {
			super.addCookie(cookie);
		}
	}

	@Override
	public void beforeCommit(Supplier<? extends Mono<Void>> action) {
		if (this.closed) {
			return;
		}
		if (!this.entryRunning) {
			super.beforeCommit(action);
			return;
		}
		super.beforeCommit(() -> this.closed ? Mono.empty() : this.commitHop.apply(action));
	}

	@Override
	public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
		return Mono.defer(() -> this.closed ? Mono.empty() : super.writeWith(body));
	}

	@Override
	public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
		return Mono.defer(() -> this.closed ? Mono.empty() : super.writeAndFlushWith(body));
	}

	@Override
	public Mono<Void> setComplete() {
		return Mono.defer(() -> this.closed ? Mono.empty() : super.setComplete());
	}

}
