package io.asyncmiddleware.sample.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import reactor.core.publisher.Mono;

import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * A legacy filter that really blocks: it writes an audit row through JDBC before passing
 * the request on. The starter finds the JDBC call at startup; what happens next depends
 * on {@code async-middleware.mode}.
 */
public class JdbcAuditFilter implements WebFilter {

	private final DataSource dataSource;

	public JdbcAuditFilter(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		AuditRow row = AuditRow.of(exchange.getRequest());
		write(row.method(), row.path());
		return chain.filter(exchange);
	}

	private void write(String method, String path) {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement insert = connection
					.prepareStatement("INSERT INTO audit_log (method, path, store) VALUES (?, ?, 'jdbc')")) {
			insert.setString(1, method);
			insert.setString(2, path);
			insert.executeUpdate();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not write the audit row", ex);
		}
	}

}
