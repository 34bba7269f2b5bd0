package io.asyncmiddleware.detection.corpus.safe.jdbc;

import java.util.concurrent.CompletableFuture;

import io.asyncmiddleware.detection.corpus.Families;
import io.asyncmiddleware.detection.corpus.Label;
import io.asyncmiddleware.detection.corpus.Label.Expect;
import io.asyncmiddleware.detection.corpus.support.CorpusResources;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Queries with JdbcTemplate in a task handed to an executor.
 */
@Label(value = Expect.SAFE, family = Families.JDBC, reach = "executor hand-off (supplyAsync with executor, fromFuture)")
public class JdbcOnExecutorFromFutureFilter implements WebFilter {
	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return Mono.fromFuture(CompletableFuture.supplyAsync(
				() -> CorpusResources.jdbcTemplate().queryForObject("select count(*) from audit", Integer.class),
				CorpusResources.executor()))
			.then(chain.filter(exchange));
	}

}
