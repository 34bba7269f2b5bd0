package io.asyncmiddleware.middleware.security;

import org.jspecify.annotations.Nullable;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * Whether a request came over HTTPS: Django's {@code request.is_secure()} with
 * {@code SECURE_PROXY_SSL_HEADER}. Shared by the entries that care ({@code security},
 * {@code csrf}, {@code session}), so they all agree.
 *
 * <p>With a proxy header configured and present on the request, the first comma-separated
 * item of its first value decides, compared exactly (after trimming) with the expected
 * value; the connection's own scheme is then ignored, as in Django. Otherwise the request
 * URI's scheme decides (which Spring's {@code ForwardedHeaderTransformer} may already have
 * rewritten from {@code Forwarded}/{@code X-Forwarded-Proto}).
 */
public final class RequestSecurity {

	private final @Nullable String proxySslHeaderName;

	private final @Nullable String proxySslHeaderValue;

	private RequestSecurity(@Nullable String proxySslHeaderName, @Nullable String proxySslHeaderValue) {
		this.proxySslHeaderName = proxySslHeaderName;
		this.proxySslHeaderValue = proxySslHeaderValue;
	}

	/**
	 * Trusts the request's scheme only (Django: {@code SECURE_PROXY_SSL_HEADER = None}).
	 * @return the request security
	 */
	public static RequestSecurity schemeOnly() {
		return new RequestSecurity(null, null);
	}

	/**
	 * Trusts a header set by the proxy in front of the application, e.g.
	 * {@code X-Forwarded-Proto: https}. Only use it when that proxy strips the header
	 * from clients' requests.
	 * @param headerName the header, e.g. {@code X-Forwarded-Proto}
	 * @param secureValue the value meaning "secure", e.g. {@code https}
	 * @return the request security
	 */
	public static RequestSecurity proxySslHeader(String headerName, String secureValue) {
		Assert.hasText(headerName, "'headerName' must not be empty");
		Assert.hasText(secureValue, "'secureValue' must not be empty");
		return new RequestSecurity(headerName, secureValue);
	}

	/**
	 * Whether the request is secure.
	 * @param request the request
	 * @return {@code true} for HTTPS
	 */
	public boolean isSecure(ServerHttpRequest request) {
		return "https".equals(scheme(request));
	}

	/**
	 * The request's scheme as Django's {@code request.scheme} sees it.
	 * @param request the request
	 * @return {@code https} or {@code http} (or another scheme of the URI)
	 */
	public String scheme(ServerHttpRequest request) {
		if (this.proxySslHeaderName != null) {
			String headerValue = request.getHeaders().getFirst(this.proxySslHeaderName);
			if (headerValue != null) {
				int comma = headerValue.indexOf(',');
				String first = (comma >= 0) ? headerValue.substring(0, comma) : headerValue;
				return first.trim().equals(this.proxySslHeaderValue) ? "https" : "http";
			}
		}
		String scheme = request.getURI().getScheme();
		if (StringUtils.hasLength(scheme)) {
			return scheme;
		}
		return (request.getSslInfo() != null) ? "https" : "http";
	}

	@Override
	public String toString() {
		return (this.proxySslHeaderName != null)
				? "RequestSecurity[" + this.proxySslHeaderName + ": " + this.proxySslHeaderValue + "]"
				: "RequestSecurity[scheme]";
	}

}
