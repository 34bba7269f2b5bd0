package io.asyncmiddleware.detection.corpus.safe.jdbc;

import io.asyncmiddleware.detection.corpus.Families;
import io.asyncmiddleware.detection.corpus.Label;
import io.asyncmiddleware.detection.corpus.Label.Expect;
import io.asyncmiddleware.detection.corpus.support.CorpusResources;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Queries with JdbcTemplate in fromCallable subscribed on boundedElastic.
 */
@Label(value = Expect.SAFE, family = Families.JDBC, reach = "subscribeOn worker")
public class JdbcOnBoundedElasticFilter implements WebFilter {
	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return Mono.fromCallable(() -> CorpusResources.jdbcTemplate().queryForObject("select count(*) from audit", Integer.class))
			.subscribeOn(Schedulers.boundedElastic())
			.then(chain.filter(exchange));
	}

}
