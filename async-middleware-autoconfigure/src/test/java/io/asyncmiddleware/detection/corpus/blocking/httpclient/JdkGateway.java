package io.asyncmiddleware.detection.corpus.blocking.httpclient;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.asyncmiddleware.detection.corpus.support.CorpusResources;

/**
 * The remote service over java.net.http.
 */
public class JdkGateway implements Gateway {
	@Override
	public int status() throws Exception {
		return CorpusResources.httpClient()
			.send(HttpRequest.newBuilder(CorpusResources.httpUri()).build(), HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

}
