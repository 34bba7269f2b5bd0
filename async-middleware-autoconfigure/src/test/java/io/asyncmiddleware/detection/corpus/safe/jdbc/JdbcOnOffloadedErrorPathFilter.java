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
 * Records a failure with JDBC, on boundedElastic, only when the chain fails.
 */
@Label(value = Expect.SAFE, family = Families.JDBC, reach = "blocking only on an offloaded error path")
public class JdbcOnOffloadedErrorPathFilter implements WebFilter {
	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return chain.filter(exchange)
			.then(Mono.<Void>error(new IllegalStateException("primary failed")))
			.onErrorResume((ex) -> Mono
				.fromCallable(() -> CorpusResources.jdbcTemplate().update("insert into audit (path) values (?)", "failed"))
				.subscribeOn(Schedulers.boundedElastic())
				.then());
	}

}
