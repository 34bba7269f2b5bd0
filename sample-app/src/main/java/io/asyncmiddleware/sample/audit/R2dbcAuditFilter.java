package io.asyncmiddleware.sample.audit;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * The non-blocking twin of {@link JdbcAuditFilter}: the same audit row, written over
 * R2DBC.
 */
public class R2dbcAuditFilter implements WebFilter {

	private final DatabaseClient databaseClient;

	public R2dbcAuditFilter(DatabaseClient databaseClient) {
		this.databaseClient = databaseClient;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		AuditRow row = AuditRow.of(exchange.getRequest());
		return this.databaseClient.sql("INSERT INTO audit_log (method, path, store) VALUES (:method, :path, 'r2dbc')")
			.bind("method", row.method())
			.bind("path", row.path())
			.then()
			.then(chain.filter(exchange));
	}

}
