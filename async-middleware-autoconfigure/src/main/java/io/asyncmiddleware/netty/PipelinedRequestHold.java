package io.asyncmiddleware.netty;

import java.util.ArrayDeque;
import java.util.Queue;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import reactor.netty.channel.ChannelOperations;
import reactor.netty.http.server.HttpServerResponse;

/**
 * Hands Reactor Netty's HTTP/1.1 server one request at a time: a request that arrives
 * before the previous one is over (pipelined, or sent as soon as the client read the
 * previous response) is held here, in order with whatever follows it, and passed on only
 * once the previous response has been completely written and that request's operations
 * have ended.
 *
 * <p>Sits between Netty's {@code HttpServerCodec} and Reactor Netty's
 * {@code HttpTrafficHandler}, and works around two ways in which Reactor Netty 1.3.8
 * leaves a request without an answer:
 * <ul>
 * <li>The traffic handler keeps one keep-alive flag for the whole connection: a pipelined
 * request with {@code Connection: close} read while an earlier response is still being
 * produced turns it off, so the earlier response goes out with {@code connection: close},
 * the connection is closed after it, and the later request, already queued, is never
 * answered.</li>
 * <li>A request the codec could not decode (a bad header, say) that is read after the
 * previous response was written but before that write completed is answered with a
 * {@code 400} handed to the previous request's operations, which have already sent their
 * response: the {@code 400} is never written and the connection stays open with nothing
 * more to say (seen under load, when responses are written from another event loop).</li>
 * </ul>
 * Behind this handler the traffic handler only sees a request once the previous one is
 * over, as from a client that waits for each answer: each request's own
 * {@code Connection} header decides for its own response, and responses go out in the
 * order of the requests (RFC 9112 §9.3, §9.3.2).
 *
 * <p>Holding costs nothing while nothing is pipelined. What is held is what Netty has
 * already read and decoded: the server reads no more from the socket until a handler
 * asks (Reactor Netty turns auto-read off), so a client that pipelines cannot make the
 * server buffer more than the traffic handler itself would queue.
 */
public final class PipelinedRequestHold extends ChannelDuplexHandler {

	/** The name this handler is registered under in the channel's pipeline. */
	public static final String NAME = "asyncMiddleware.pipelinedRequestHold";

	/** Inbound messages held, in the order read: a request and the body parts after it. */
	private final Queue<Object> held = new ArrayDeque<>();

	/** A request has been passed on and its response is not yet completely written. */
	private boolean answering;

	/** The response being written is informational (100 Continue): not the final one. */
	private boolean informational;

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) {
		if (!this.held.isEmpty() || (msg instanceof HttpRequest && busy(ctx))) {
			// behind a request not yet over (or behind messages held already: order is kept)
			this.held.add(msg);
			return;
		}
		if (msg instanceof HttpRequest) {
			this.answering = true;
		}
		ctx.fireChannelRead(msg);
	}

	@Override
	public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
		if (msg instanceof HttpResponse response) {
			this.informational = response.status().codeClass() == HttpStatusClass.INFORMATIONAL;
		}
		if (!(msg instanceof LastHttpContent) || this.informational) {
			super.write(ctx, msg, promise);
			return;
		}
		// the response is complete once this write is
		ChannelPromise written = promise.unvoid();
		super.write(ctx, msg, written);
		written.addListener((future) -> responseWritten(ctx));
	}

	private void responseWritten(ChannelHandlerContext ctx) {
		this.answering = false;
		if (!this.held.isEmpty()) {
			// the request's operations end in a listener of the same write, which may run
			// after this one (busy() looks at them too): look again in a task of its own.
			// Nothing held, nothing to do: a request read later asks busy() itself
			ctx.executor().execute(() -> drain(ctx));
		}
	}

	@Override
	public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
		super.userEventTriggered(ctx, evt);
		// Reactor Netty announces that a request's operations have ended (unbound from the
		// channel) with an event of its own; whichever event it is, look again, in a task
		// of its own, outside the operations' termination
		if (!this.held.isEmpty()) {
			ctx.executor().execute(() -> drain(ctx));
		}
	}

	/**
	 * Whether the previous request is not over: its response not completely written, or
	 * its operations still bound to the channel. The traffic handler must not see a
	 * request before both: it would queue it behind operations whose end it may then not
	 * act on (a queued request asking to close turns its keep-alive flag off, and the end of
	 * the previous operations no longer resumes the queue), or hand a malformed one's
	 * {@code 400} to the previous operations.
	 */
	private boolean busy(ChannelHandlerContext ctx) {
		return this.answering || ChannelOperations.get(ctx.channel()) instanceof HttpServerResponse;
	}

	private void drain(ChannelHandlerContext ctx) {
		if (!ctx.channel().isActive()) {
			release();
			return;
		}
		boolean passed = false;
		Object next;
		while ((next = this.held.peek()) != null) {
			if (next instanceof HttpRequest) {
				if (busy(ctx)) {
					break;
				}
				this.answering = true;
			}
			this.held.poll();
			passed = true;
			ctx.fireChannelRead(next);
		}
		if (passed) {
			ctx.fireChannelReadComplete();
		}
	}

	@Override
	public void channelInactive(ChannelHandlerContext ctx) throws Exception {
		release();
		super.channelInactive(ctx);
	}

	@Override
	public void handlerRemoved(ChannelHandlerContext ctx) {
		release();
	}

	private void release() {
		Object msg;
		while ((msg = this.held.poll()) != null) {
			ReferenceCountUtil.release(msg);
		}
	}

}
