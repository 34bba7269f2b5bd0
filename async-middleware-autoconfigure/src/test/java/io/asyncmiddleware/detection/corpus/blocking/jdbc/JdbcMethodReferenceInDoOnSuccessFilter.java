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
 * Stores a row in a method reference given to doOnSuccess.
 */
@Label(value = Expect.BLOCKING, family = Families.JDBC, reach = "method reference in doOnSuccess")
public class JdbcMethodReferenceInDoOnSuccessFilter implements WebFilter {
	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return Mono.just(exchange.getRequest().getPath().value()).doOnSuccess(this::store).then(chain.filter(exchange));
	}

	private void store(String path) {
		CorpusResources.jdbcTemplate().update("insert into audit (path) values (?)", path);
	}

}
