package io.asyncmiddleware.detection.corpus.blocking.jpa;

import io.asyncmiddleware.detection.corpus.support.CorpusResources;

/**
 * Finds orders with JPA.
 */
public class JpaOrderRepository implements OrderRepository {
	@Override
	public Object findOrder(long id) {
		return CorpusResources.entityManager().find(Object.class, id);
	}

}
