package io.asyncmiddleware.detection.corpus.blocking.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import io.asyncmiddleware.detection.corpus.Families;
import io.asyncmiddleware.detection.corpus.Label;
import io.asyncmiddleware.detection.corpus.Label.Expect;
import io.asyncmiddleware.detection.corpus.support.CorpusResources;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Counts rows with plain JDBC.
 */
@Label(value = Expect.BLOCKING, family = Families.JDBC, reach = "direct")
public class JdbcDirectFilter implements WebFilter {
	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		try (Connection connection = CorpusResources.dataSource().getConnection();
				PreparedStatement statement = connection.prepareStatement("select count(*) from audit");
				ResultSet rows = statement.executeQuery()) {
			rows.next();
			exchange.getAttributes().put("rows", rows.getInt(1));
		}
		catch (SQLException ex) {
			return Mono.error(ex);
		}
		return chain.filter(exchange);
	}

}
