package io.asyncmiddleware.autoconfigure.security;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the {@code security} entry, Django's {@code SecurityMiddleware}.
 */
@ConfigurationProperties("async-middleware.security")
public class SecurityMiddlewareProperties {

	/**
	 * Seconds browsers should use HTTPS only, sent as Strict-Transport-Security on secure
	 * requests; 0 sends no header (Django: SECURE_HSTS_SECONDS).
	 */
	private long hstsSeconds;

	/**
	 * Whether HSTS adds 'includeSubDomains' (Django: SECURE_HSTS_INCLUDE_SUBDOMAINS).
	 */
	private boolean hstsIncludeSubdomains;

	/**
	 * Whether HSTS adds 'preload' (Django: SECURE_HSTS_PRELOAD).
	 */
	private boolean hstsPreload;

	/**
	 * Whether to send 'X-Content-Type-Options: nosniff' (Django: SECURE_CONTENT_TYPE_NOSNIFF).
	 */
	private boolean contentTypeNosniff = true;

	/**
	 * Referrer-Policy values, sent comma-joined; empty or 'none' sends no header (Django:
	 * SECURE_REFERRER_POLICY).
	 */
	private List<String> referrerPolicy = new ArrayList<>(List.of("same-origin"));

	/**
	 * Cross-Origin-Opener-Policy value; empty or 'none' sends no header (Django:
	 * SECURE_CROSS_ORIGIN_OPENER_POLICY).
	 */
	private String crossOriginOpenerPolicy = "same-origin";

	/**
	 * Whether to redirect plain-HTTP requests to HTTPS with a 301 (Django: SECURE_SSL_REDIRECT).
	 * Needs 'common.allowed-hosts' or 'ssl-host': without either the redirect is a 400.
	 */
	private boolean sslRedirect;

	/**
	 * Host of the HTTPS redirect instead of the request's host and port (Django: SECURE_SSL_HOST).
	 */
	private @Nullable String sslHost;

	/**
	 * Regular expressions searched in the request path without its leading slash; matching
	 * paths are not redirected to HTTPS (Django: SECURE_REDIRECT_EXEMPT).
	 */
	private List<String> redirectExempt = new ArrayList<>();

	private final ProxySslHeader proxySslHeader = new ProxySslHeader();

	public long getHstsSeconds() {
		return this.hstsSeconds;
	}

	public void setHstsSeconds(long hstsSeconds) {
		this.hstsSeconds = hstsSeconds;
	}

	public boolean isHstsIncludeSubdomains() {
		return this.hstsIncludeSubdomains;
	}

	public void setHstsIncludeSubdomains(boolean hstsIncludeSubdomains) {
		this.hstsIncludeSubdomains = hstsIncludeSubdomains;
	}

	public boolean isHstsPreload() {
		return this.hstsPreload;
	}

	public void setHstsPreload(boolean hstsPreload) {
		this.hstsPreload = hstsPreload;
	}

	public boolean isContentTypeNosniff() {
		return this.contentTypeNosniff;
	}

	public void setContentTypeNosniff(boolean contentTypeNosniff) {
		this.contentTypeNosniff = contentTypeNosniff;
	}

	public List<String> getReferrerPolicy() {
		return this.referrerPolicy;
	}

	public void setReferrerPolicy(List<String> referrerPolicy) {
		this.referrerPolicy = referrerPolicy;
	}

	public String getCrossOriginOpenerPolicy() {
		return this.crossOriginOpenerPolicy;
	}

	public void setCrossOriginOpenerPolicy(String crossOriginOpenerPolicy) {
		this.crossOriginOpenerPolicy = crossOriginOpenerPolicy;
	}

	public boolean isSslRedirect() {
		return this.sslRedirect;
	}

	public void setSslRedirect(boolean sslRedirect) {
		this.sslRedirect = sslRedirect;
	}

	public @Nullable String getSslHost() {
		return this.sslHost;
	}

	public void setSslHost(@Nullable String sslHost) {
		this.sslHost = sslHost;
	}

	public List<String> getRedirectExempt() {
		return this.redirectExempt;
	}

	public void setRedirectExempt(List<String> redirectExempt) {
		this.redirectExempt = redirectExempt;
	}

	public ProxySslHeader getProxySslHeader() {
		return this.proxySslHeader;
	}

	/**
	 * The header a TLS-terminating proxy sets to say the original request was secure
	 * (Django: SECURE_PROXY_SSL_HEADER). Trust it only if the proxy strips it from clients.
	 */
	public static class ProxySslHeader {

		/**
		 * Header name, e.g. 'X-Forwarded-Proto' (Django's 'HTTP_X_FORWARDED_PROTO' is
		 * accepted too); unset means the request's scheme alone decides.
		 */
		private @Nullable String name;

		/**
		 * Value of the header's first comma-separated item that marks a secure request.
		 */
		private String value = "https";

		public @Nullable String getName() {
			return this.name;
		}

		public void setName(@Nullable String name) {
			this.name = name;
		}

		public String getValue() {
			return this.value;
		}

		public void setValue(String value) {
			this.value = value;
		}

	}

}
