package io.asyncmiddleware.detection.corpus.blocking.jdbc;

import java.util.function.Function;

import io.asyncmiddleware.detection.corpus.Families;
import io.asyncmiddleware.detection.corpus.Label;
import io.asyncmiddleware.detection.corpus.Label.Expect;
import io.asyncmiddleware.detection.corpus.support.CorpusResources;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Calls a static Function field whose lambda, assigned in the static initialiser, queries JDBC.
 */
@Label(value = Expect.BLOCKING, family = Families.JDBC, reach = "static functional field assigned in the static initialiser, called per request")
public class StaticFunctionFieldFilter implements WebFilter {
	private static final Function<String, Integer> COUNTER;

	static {
		COUNTER = (path) -> CorpusResources.jdbcTemplate()
			.queryForObject("select count(*) from audit where path = ?", Integer.class, path);
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		exchange.getAttributes().put("count", COUNTER.apply(exchange.getRequest().getPath().value()));
		return chain.filter(exchange);
	}

}
