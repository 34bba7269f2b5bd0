package io.asyncmiddleware.detection.corpus.blocking.jdbc;

/**
 * Records audit entries.
 */
public class AuditService {
	private final AuditRepository repository;

	public AuditService(AuditRepository repository) {
		this.repository = repository;
	}

	public void record(String path) {
		this.repository.insert(path);
	}

}
