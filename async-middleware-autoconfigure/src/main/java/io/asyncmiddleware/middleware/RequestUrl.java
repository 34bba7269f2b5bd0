package io.asyncmiddleware.middleware;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.util.UriUtils;

/**
 * The parts of a request's URL that Django's {@code HttpRequest} gives its middleware,
 * read one way for every entry: {@code get_host()}, {@code get_port()} and
 * {@code path}. Only {@link #host(ServerHttpRequest, AllowedHosts)} may be put in a
 * {@code Location} or an absolute URL: the raw host is whatever the client sent.
 */
public final class RequestUrl {

	private RequestUrl() {
	}

	/**
	 * The host the request names, unchecked (Django's {@code _get_raw_host()} without
	 * {@code USE_X_FORWARDED_HOST}): the {@code Host} header as sent, else the request
	 * URI's host with its port unless that is the scheme's default (Django:
	 * {@code SERVER_NAME} and {@code SERVER_PORT}).
	 * @param request the request
	 * @return the host, with a port if any; {@code null} if the request names none
	 */
	public static @Nullable String rawHost(ServerHttpRequest request) {
		String host = request.getHeaders().getFirst(HttpHeaders.HOST);
		if (host != null) {
			return host;
		}
		URI uri = request.getURI();
		String name = uri.getHost();
		if (name == null) {
			return null;
		}
		int port = uri.getPort();
		int defaultPort = "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
		return (port != -1 && port != defaultPort) ? name + ":" + port : name;
	}

	/**
	 * The request's host when it is a valid host that the allowed hosts accept (Django's
	 * {@code get_host()}, which raises {@code DisallowedHost} where this returns
	 * {@code null}).
	 * @param request the request
	 * @param allowedHosts the hosts served
	 * @return the host, with a port if any, or {@code null} if it is missing, malformed or
	 * not allowed
	 */
	public static @Nullable String host(ServerHttpRequest request, AllowedHosts allowedHosts) {
		String host = rawHost(request);
		return (host != null && allowedHosts.isAllowed(host)) ? host : null;
	}

	/**
	 * The port the request came in on (Django's {@code get_port()}): the request URI's
	 * port, else the local port of the connection.
	 * @param request the request
	 * @return the port, or {@code null} if unknown
	 */
	public static @Nullable Integer port(ServerHttpRequest request) {
		int port = request.getURI().getPort();
		if (port != -1) {
			return port;
		}
		InetSocketAddress local = request.getLocalAddress();
		return (local != null) ? local.getPort() : null;
	}

	/**
	 * The path percent-decoded as UTF-8 (Django's {@code request.path}), or as received if
	 * it does not decode; for matching and logging, never for building a URL.
	 * @param request the request
	 * @return the decoded path
	 */
	public static String decodedPath(ServerHttpRequest request) {
		String path = request.getPath().value();
		try {
			return UriUtils.decode(path, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return path;
		}
	}

}
