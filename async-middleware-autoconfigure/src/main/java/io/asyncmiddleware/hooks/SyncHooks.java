package io.asyncmiddleware.hooks;

import org.jspecify.annotations.Nullable;
import org.springframework.web.server.ServerWebExchange;

/**
 * A middleware written Django's old way: plain methods that are free to block, in the
 * spirit of Django's {@code MiddlewareMixin}. Implementations are blocking by contract.
 *
 * <p>Declare a bean of this type and name it in {@code async-middleware.stack} like any
 * filter. In {@code adapt} mode each hook runs as one short hop on a worker thread, and
 * no thread is held while the rest of the chain and the handler run; in {@code isolate}
 * mode each hook runs in the entry's bulkhead. In {@code fail} mode startup stops.
 *
 * <p>Order of calls, as in Django: {@link #processRequest} on the way in (a response
 * short-circuits the rest of the chain, and {@link #processResponse} still runs on it);
 * {@link #processView} once the handler is known, before it runs;
 * {@link #processException} if the chain below fails; {@link #processResponse} just
 * before the response is committed, when its status and headers can still change.
 */
public interface SyncHooks {

	/**
	 * Django's {@code process_request}: runs before the rest of the chain.
	 * @param exchange the current exchange
	 * @return a response to answer with instead of calling the rest of the chain, or
	 * {@code null} to continue
	 * @throws Exception any failure; it becomes an error response
	 */
	@Nullable
	default HookResponse processRequest(ServerWebExchange exchange) throws Exception {
		return null;
	}

	/**
	 * Django's {@code process_view}: runs once the handler the request maps to is known,
	 * before the rest of the chain. Not called when no handler matches (a 404).
	 * @param exchange the current exchange
	 * @param handler the resolved handler (a {@code HandlerMethod}, a
	 * {@code HandlerFunction}, ...)
	 * @return a response to answer with instead of running the handler, or {@code null}
	 * @throws Exception any failure; it becomes an error response
	 */
	@Nullable
	default HookResponse processView(ServerWebExchange exchange, Object handler) throws Exception {
		return null;
	}

	/**
	 * Django's {@code process_exception}: runs when the chain below this entry fails.
	 * @param exchange the current exchange
	 * @param error the failure
	 * @return a response that handles the failure, or {@code null} to let it propagate
	 * @throws Exception any failure; it replaces the original one
	 */
	@Nullable
	default HookResponse processException(ServerWebExchange exchange, Throwable error) throws Exception {
		return null;
	}

	/**
	 * Django's {@code process_response}: runs just before the response is committed; the
	 * status and headers of {@code exchange.getResponse()} may still be changed.
	 * @param exchange the current exchange
	 * @throws Exception any failure; it is logged and the response is sent as it is
	 */
	default void processResponse(ServerWebExchange exchange) throws Exception {
	}

}
