package io.asyncmiddleware.detection.corpus.blocking.jpa;

import io.asyncmiddleware.detection.corpus.support.CorpusResources;

/**
 * A base class for filters that persist with JPA.
 */
public abstract class JpaSupport {
	protected void persist(Object entity) {
		CorpusResources.entityManager().persist(entity);
	}

}
