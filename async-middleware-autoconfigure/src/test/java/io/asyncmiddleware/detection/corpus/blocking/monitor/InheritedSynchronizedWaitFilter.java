package io.asyncmiddleware.detection.corpus.blocking.monitor;

import io.asyncmiddleware.detection.corpus.Families;
import io.asyncmiddleware.detection.corpus.Label;
import io.asyncmiddleware.detection.corpus.Label.Expect;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Waits for mail in a synchronized method it inherits.
 */
@Label(value = Expect.BLOCKING, family = Families.MONITOR, reach = "inherited synchronized method")
public class InheritedSynchronizedWaitFilter extends Mailbox implements WebFilter {
	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		awaitMail();
		return chain.filter(exchange);
	}

}
