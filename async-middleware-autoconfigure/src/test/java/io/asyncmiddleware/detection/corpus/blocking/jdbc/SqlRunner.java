package io.asyncmiddleware.detection.corpus.blocking.jdbc;

import io.asyncmiddleware.detection.corpus.support.CorpusResources;

/**
 * Runs SQL with JdbcTemplate.
 */
public class SqlRunner {
	public int update(String sql, Object... args) {
		return CorpusResources.jdbcTemplate().update(sql, args);
	}

}
