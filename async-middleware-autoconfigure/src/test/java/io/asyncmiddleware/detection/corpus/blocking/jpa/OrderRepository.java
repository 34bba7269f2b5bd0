package io.asyncmiddleware.detection.corpus.blocking.jpa;

/**
 * Finds orders.
 */
public interface OrderRepository {
	Object findOrder(long id);

}
