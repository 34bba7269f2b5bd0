package io.asyncmiddleware.detection.corpus.blocking.jdbc;

import io.asyncmiddleware.detection.corpus.Families;
import io.asyncmiddleware.detection.corpus.Label;
import io.asyncmiddleware.detection.corpus.Label.Expect;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Records an audit row through a service, a repository and a SQL runner.
 */
@Label(value = Expect.BLOCKING, family = Families.JDBC, reach = "helper chain depth 4")
public class AuditServiceChainDepth4Filter implements WebFilter {
	private final AuditService audit = new AuditService(new AuditRepository(new SqlRunner()));

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		this.audit.record(exchange.getRequest().getPath().value());
		return chain.filter(exchange);
	}

}
