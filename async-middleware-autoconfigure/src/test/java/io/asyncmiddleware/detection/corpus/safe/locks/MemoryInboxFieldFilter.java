package io.asyncmiddleware.detection.corpus.safe.locks;

import io.asyncmiddleware.detection.corpus.Families;
import io.asyncmiddleware.detection.corpus.Label;
import io.asyncmiddleware.detection.corpus.Label.Expect;
import io.asyncmiddleware.detection.corpus.blocking.locks.Inbox;
import io.asyncmiddleware.detection.corpus.blocking.locks.MemoryInbox;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Reads from an Inbox field that holds the in-memory inbox (a sibling implementation blocks).
 */
@Label(value = Expect.SAFE, family = Families.LOCKS_LATCHES, reach = "interface field with a non-blocking instance")
public class MemoryInboxFieldFilter implements WebFilter {
	private final Inbox inbox = new MemoryInbox();

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		try {
			exchange.getAttributes().put("message", this.inbox.next());
		}
		catch (InterruptedException ex) {
			return Mono.error(ex);
		}
		return chain.filter(exchange);
	}

}
