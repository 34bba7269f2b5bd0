package io.asyncmiddleware.detection.corpus.safe.jdbc;

import io.asyncmiddleware.detection.corpus.Families;
import io.asyncmiddleware.detection.corpus.Label;
import io.asyncmiddleware.detection.corpus.Label.Expect;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Loads its settings with JDBC in the constructor, at startup.
 */
@Label(value = Expect.SAFE, family = Families.JDBC, reach = "constructor-time blocking")
public class JdbcInConstructorFilter implements WebFilter {
	private final Integer answer;

	public JdbcInConstructorFilter() {
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:mem:settings");
		this.answer = new JdbcTemplate(dataSource).queryForObject("select 42", Integer.class);
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		exchange.getAttributes().put("answer", this.answer);
		return chain.filter(exchange);
	}

}
