package io.asyncmiddleware.detection.corpus.blocking.jdbc;

import io.asyncmiddleware.detection.corpus.Families;
import io.asyncmiddleware.detection.corpus.Label;
import io.asyncmiddleware.detection.corpus.Label.Expect;
import io.asyncmiddleware.detection.corpus.support.CorpusResources;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Queries with JdbcTemplate in a map operator.
 */
@Label(value = Expect.BLOCKING, family = Families.JDBC, reach = "lambda in map")
public class JdbcTemplateInMapFilter implements WebFilter {
	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return Mono.just(exchange).map((current) -> {
			Integer rows = CorpusResources.jdbcTemplate().queryForObject("select count(*) from audit", Integer.class);
			current.getAttributes().put("rows", rows);
			return current;
		}).flatMap(chain::filter);
	}

}
