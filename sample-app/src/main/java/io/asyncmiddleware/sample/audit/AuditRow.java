package io.asyncmiddleware.sample.audit;

import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * What an audit row records of a request, cut to the columns' sizes (schema.sql): a
 * client chooses the method and path, and an odd one must not turn the request into a
 * 500.
 *
 * @param method the method, at most {@value #METHOD_LENGTH} characters
 * @param path the path, at most {@value #PATH_LENGTH} characters
 */
record AuditRow(String method, String path) {

	static final int METHOD_LENGTH = 10;

	static final int PATH_LENGTH = 2000;

	static AuditRow of(ServerHttpRequest request) {
		return new AuditRow(cut(request.getMethod().name(), METHOD_LENGTH), cut(request.getPath().value(), PATH_LENGTH));
	}

	private static String cut(String value, int length) {
		return (value.length() <= length) ? value : value.substring(0, length);
	}

}
