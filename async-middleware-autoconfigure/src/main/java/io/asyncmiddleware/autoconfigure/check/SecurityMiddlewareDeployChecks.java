package io.asyncmiddleware.autoconfigure.check;

import java.util.ArrayList;
import java.util.List;

import io.asyncmiddleware.autoconfigure.security.SecurityMiddlewareProperties;
import io.asyncmiddleware.check.DeployCheck;
import io.asyncmiddleware.check.DeployFinding;
import io.asyncmiddleware.stack.MiddlewareStack;
import org.jspecify.annotations.Nullable;

/**
 * Django's checks of {@code SecurityMiddleware} and its settings
 * ({@code django/core/checks/security/base.py}): W001, W004, W005, W006, W008, W021,
 * W022.
 */
final class SecurityMiddlewareDeployChecks implements DeployCheck {

	private static final String ENTRY = "security";

	private final MiddlewareStack stack;

	private final @Nullable SecurityMiddlewareProperties properties;

	SecurityMiddlewareDeployChecks(MiddlewareStack stack, @Nullable SecurityMiddlewareProperties properties) {
		this.stack = stack;
		this.properties = properties;
	}

	@Override
	public List<DeployFinding> check() {
		SecurityMiddlewareProperties security = this.properties;
		if (this.stack.getEntry(ENTRY).isEmpty() || security == null) {
			return List.of(new DeployFinding("security.W001", "async-middleware.stack without 'security'",
					"HSTS, X-Content-Type-Options, Referrer-Policy, Cross-Origin-Opener-Policy and the HTTPS redirect "
							+ "are not applied",
					"put 'security' first in async-middleware.stack"));
		}
		List<DeployFinding> findings = new ArrayList<>();
		long hsts = security.getHstsSeconds();
		if (hsts <= 0) {
			findings.add(new DeployFinding("security.W004", "async-middleware.security.hsts-seconds=" + hsts,
					"without Strict-Transport-Security a browser may still try plain HTTP, where an attacker on the "
							+ "network can intercept the first request",
					"if the whole site is served over HTTPS only, set hsts-seconds (start small, e.g. 3600, then "
							+ "31536000); careless HSTS can lock users out"));
		}
		else {
			if (!security.isHstsIncludeSubdomains()) {
				findings.add(new DeployFinding("security.W005", "async-middleware.security.hsts-include-subdomains=false",
						"a subdomain served over plain HTTP can be used to attack the site (e.g. to set cookies)",
						"set hsts-include-subdomains=true if every subdomain is served over HTTPS only"));
			}
			if (!security.isHstsPreload()) {
				findings.add(new DeployFinding("security.W021", "async-middleware.security.hsts-preload=false",
						"the site cannot be submitted to the browsers' HSTS preload list, so a first visit is "
								+ "unprotected",
						"set hsts-preload=true and submit the domain at hstspreload.org, or silence security.W021"));
			}
		}
		if (!security.isContentTypeNosniff()) {
			findings.add(new DeployFinding("security.W006", "async-middleware.security.content-type-nosniff=false",
					"browsers may sniff a response as a different content type (e.g. an upload as HTML)",
					"set content-type-nosniff=true"));
		}
		if (!security.isSslRedirect()) {
			findings.add(new DeployFinding("security.W008", "async-middleware.security.ssl-redirect=false",
					"plain-HTTP requests are served instead of being redirected to HTTPS",
					"set ssl-redirect=true (behind a TLS proxy also set proxy-ssl-header), or silence security.W008 "
							+ "when the proxy or load balancer redirects to HTTPS itself"));
		}
		if (!sendsReferrerPolicy(security.getReferrerPolicy())) {
			findings.add(new DeployFinding("security.W022",
					"async-middleware.security.referrer-policy=" + String.join(",", security.getReferrerPolicy()),
					"without a Referrer-Policy header, full URLs (with their query strings) leak to other sites",
					"set referrer-policy, e.g. same-origin (Django's default)"));
		}
		return findings;
	}

	private static boolean sendsReferrerPolicy(List<String> values) {
		return values.stream().anyMatch((value) -> !value.isBlank() && !"none".equalsIgnoreCase(value.strip()));
	}

}
