package io.asyncmiddleware.detection.corpus.blocking.jpa;

import io.asyncmiddleware.detection.corpus.Families;
import io.asyncmiddleware.detection.corpus.Label;
import io.asyncmiddleware.detection.corpus.Label.Expect;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Finds an order through a repository field holding the JPA implementation.
 */
@Label(value = Expect.BLOCKING, family = Families.JPA, reach = "interface field with concrete instance")
public class OrderRepositoryFieldFilter implements WebFilter {
	private final OrderRepository orders = new JpaOrderRepository();

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		exchange.getAttributes().put("order", String.valueOf(this.orders.findOrder(1L)));
		return chain.filter(exchange);
	}

}
