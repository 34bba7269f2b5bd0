package io.asyncmiddleware.detection.corpus.blocking.httpclient;

/**
 * A remote service.
 */
public interface Gateway {
	int status() throws Exception;

}
