package io.asyncmiddleware.detection.corpus.blocking.jpa;

import io.asyncmiddleware.detection.corpus.Families;
import io.asyncmiddleware.detection.corpus.Label;
import io.asyncmiddleware.detection.corpus.Label.Expect;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Persists through a method inherited from its base class.
 */
@Label(value = Expect.BLOCKING, family = Families.JPA, reach = "inherited helper method")
public class InheritedPersistFilter extends JpaSupport implements WebFilter {
	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		persist(exchange.getRequest().getPath().value());
		return chain.filter(exchange);
	}

}
