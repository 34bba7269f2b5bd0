package io.asyncmiddleware.detection.corpus.blocking.locks;

import io.asyncmiddleware.detection.corpus.Families;
import io.asyncmiddleware.detection.corpus.Label;
import io.asyncmiddleware.detection.corpus.Label.Expect;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Reads the next message from an Inbox field that holds a queue-backed inbox.
 */
@Label(value = Expect.BLOCKING, family = Families.LOCKS_LATCHES, reach = "interface field with concrete instance")
public class QueueTakeViaInterfaceFieldFilter implements WebFilter {
	private final Inbox inbox = new QueueInbox();

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
