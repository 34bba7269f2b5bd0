package io.asyncmiddleware.detection.corpus.blocking.jdbc;

/**
 * Stores audit entries.
 */
public class AuditRepository {
	private final SqlRunner runner;

	public AuditRepository(SqlRunner runner) {
		this.runner = runner;
	}

	public void insert(String path) {
		this.runner.update("insert into audit (path) values (?)", path);
	}

}
