package io.asyncmiddleware.middleware.auth;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.asyncmiddleware.chain.ChainEntry;
import io.asyncmiddleware.chain.ComposedStackWebFilter;
import io.asyncmiddleware.metrics.EntryMetrics;
import io.asyncmiddleware.middleware.session.SessionExceptionHandler;

import org.springframework.web.reactive.handler.WebFluxResponseStatusExceptionHandler;
import org.springframework.web.server.WebFilter;

/**
 * The same behaviour with the entries composed into a stack that answers errors where
 * they arrive, as an application runs them: there the {@code session} and
 * {@code authentication} entries pass most requests through ({@code SynchronousRequestStep})
 * instead of running as {@code WebFilter}s, and the security context reaches the handler
 * through the chain's Reactor context.
 */
class SessionAuthenticationInTheStackTests extends SessionAuthenticationWebFilterTests {

	@Override
	List<WebFilter> arrange(List<WebFilter> filters) {
		List<ChainEntry> entries = new ArrayList<>();
		for (int index = 0; index < filters.size(); index++) {
			entries.add(ChainEntry.of("entry-" + index, filters.get(index), new EntryMetrics(), null));
		}
		ComposedStackWebFilter stack = new ComposedStackWebFilter(entries, false);
		stack.answerErrorsWith(List.of(new SessionExceptionHandler(Duration.ofSeconds(5)),
				new WebFluxResponseStatusExceptionHandler()));
		return List.of(stack);
	}

}
