package io.asyncmiddleware.netty;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerResponse;

import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

/**
 * Ends quietly a request that Reactor Netty has already answered by itself: when a
 * request body's chunked framing is broken while the application is still reading it,
 * Netty's decoder fails and Reactor Netty sends its own {@code 400} and closes the
 * connection; the application's response, committed later, then fails with
 * {@code IllegalStateException: Status and headers already sent}. Without this handler
 * WebFlux logs that as a {@code 500 Server Error} at ERROR level (and writes nothing: the
 * client already has its {@code 400}). Here it is logged at DEBUG, and nothing else
 * changes: any other error, or the same error while the server has sent nothing, goes on
 * to the next handler.
 */
public final class ServerAnsweredExceptionHandler implements WebExceptionHandler, Ordered {

	private static final Log logger = LogFactory.getLog(ServerAnsweredExceptionHandler.class);

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		if (ex instanceof IllegalStateException && answeredByServer(exchange.getResponse())) {
			if (logger.isDebugEnabled()) {
				logger.debug(exchange.getLogPrefix() + "Response not sent: the server already answered "
						+ exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath()
						+ " itself (" + ex.getMessage() + ")");
			}
			return Mono.empty();
		}
		return Mono.error(ex);
	}

	private static boolean answeredByServer(ServerHttpResponse response) {
		try {
			Object nativeResponse = ServerHttpResponseDecorator.getNativeResponse(response);
			return nativeResponse instanceof HttpServerResponse server && server.hasSentHeaders();
		}
		catch (IllegalStateException | IllegalArgumentException ex) {
			// nothing native under it (a mock), or a wrapper that is no decorator
			return false;
		}
	}

	/**
	 * Before every other handler: the others would try to write an error page.
	 * @return {@link Ordered#HIGHEST_PRECEDENCE}
	 */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
