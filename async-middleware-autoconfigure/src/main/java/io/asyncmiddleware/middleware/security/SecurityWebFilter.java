package io.asyncmiddleware.middleware.security;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.asyncmiddleware.chain.SynchronousRequestStep;
import io.asyncmiddleware.middleware.AllowedHosts;
import io.asyncmiddleware.middleware.DefaultHeader;
import io.asyncmiddleware.middleware.RequestUrl;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.web.server.header.ContentTypeOptionsServerHttpHeadersWriter;
import org.springframework.security.web.server.header.CrossOriginOpenerPolicyServerHttpHeadersWriter.CrossOriginOpenerPolicy;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.StrictTransportSecurityServerHttpHeadersWriter;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Django's {@code SecurityMiddleware}: redirects plain-HTTP requests to HTTPS when asked,
 * and adds {@code Strict-Transport-Security} (secure requests only),
 * {@code X-Content-Type-Options}, {@code Referrer-Policy} and
 * {@code Cross-Origin-Opener-Policy} to every response that does not have them yet.
 *
 * <p>The headers are written just before the response commits, so they land on every
 * response that passes through this entry: the handler's, error pages rendered after the
 * filters by WebFlux's exception handlers, responses made by inner entries, and this
 * entry's own redirect. Spring Security's header writers do the writing; they set a header
 * only when the response lacks it, as Django does.
 */
public final class SecurityWebFilter implements WebFilter, SynchronousRequestStep {

	private static final String INVALID_HOST = "Bad Request (400): invalid Host header";

	private static final String NO_ALLOWED_HOSTS = "Bad Request (400): no host to redirect to HTTPS; set "
			+ "async-middleware.common.allowed-hosts to the site's host names, or async-middleware.security.ssl-host";

	private final RequestSecurity requestSecurity;

	private long hstsSeconds;

	private boolean hstsIncludeSubdomains;

	private boolean hstsPreload;

	private boolean contentTypeNosniff = true;

	private @Nullable String referrerPolicy = ReferrerPolicy.SAME_ORIGIN.getPolicy();

	private @Nullable String crossOriginOpenerPolicy = CrossOriginOpenerPolicy.SAME_ORIGIN.getPolicy();

	private boolean sslRedirect;

	private @Nullable String sslHost;

	private AllowedHosts allowedHosts = AllowedHosts.ANY;

	private List<Pattern> redirectExempt = List.of();

	// the header's name as Spring Security's opener-policy writer spells it
	private static final String CROSS_ORIGIN_OPENER_POLICY = "Cross-Origin-Opener-Policy";

	private ResponseHeaders headersWriter;

	/**
	 * Creates the filter with Django's defaults: no HSTS, {@code nosniff},
	 * {@code same-origin} referrer and opener policies, no SSL redirect.
	 * @param requestSecurity decides whether a request is secure
	 */
	public SecurityWebFilter(RequestSecurity requestSecurity) {
		Assert.notNull(requestSecurity, "'requestSecurity' must not be null");
		this.requestSecurity = requestSecurity;
		this.headersWriter = createHeadersWriter();
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerWebExchange passed = passThrough(exchange);
		if (passed != null) {
			return chain.filter(passed);
		}
		writeHeadersBeforeCommit(exchange);
		return redirectToHttps(exchange);
	}

	/**
	 * Registers the headers' commit action, unless the request is redirected to HTTPS.
	 * @param exchange the exchange
	 * @return the exchange, or {@code null} when this entry answers with the redirect
	 */
	@Override
	public @Nullable ServerWebExchange passThrough(ServerWebExchange exchange) {
		ServerHttpRequest request = exchange.getRequest();
		if (this.sslRedirect && !this.requestSecurity.isSecure(request) && !isRedirectExempt(request)) {
			return null;
		}
		writeHeadersBeforeCommit(exchange);
		return exchange;
	}

	private void writeHeadersBeforeCommit(ServerWebExchange exchange) {
		exchange.getResponse().beforeCommit(() -> {
			this.headersWriter.write(exchange, this.requestSecurity);
			return Mono.empty();
		});
	}

	private boolean isRedirectExempt(ServerHttpRequest request) {
		if (this.redirectExempt.isEmpty()) {
			return false;
		}
		String path = RequestUrl.decodedPath(request);
		int start = 0;
		while (start < path.length() && path.charAt(start) == '/') {
			start++;
		}
		String relative = path.substring(start);
		return this.redirectExempt.stream().anyMatch((pattern) -> pattern.matcher(relative).find());
	}

	private Mono<Void> redirectToHttps(ServerWebExchange exchange) {
		ServerHttpRequest request = exchange.getRequest();
		ServerHttpResponse response = exchange.getResponse();
		if (this.sslHost == null && this.allowedHosts.isEmpty()) {
			// Django's get_host() refuses every host when ALLOWED_HOSTS is empty: a Location
			// built from an unchecked Host would be a cacheable open redirect
			return badRequest(response, NO_ALLOWED_HOSTS);
		}
		String host = (this.sslHost != null) ? this.sslHost : RequestUrl.host(request, this.allowedHosts);
		if (host == null) {
			return badRequest(response, INVALID_HOST);
		}
		String query = request.getURI().getRawQuery();
		String location = "https://" + host + request.getURI().getRawPath()
				+ (StringUtils.hasLength(query) ? "?" + query : "");
		response.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
		response.getHeaders().set(HttpHeaders.LOCATION, location);
		return response.setComplete();
	}

	private static Mono<Void> badRequest(ServerHttpResponse response, String reason) {
		response.setStatusCode(HttpStatus.BAD_REQUEST);
		response.getHeaders().setContentType(MediaType.TEXT_PLAIN);
		DataBuffer body = response.bufferFactory().wrap(reason.getBytes(StandardCharsets.UTF_8));
		return response.writeWith(Mono.just(body));
	}

	/**
	 * Seconds browsers should remember to use HTTPS only; 0 sends no
	 * {@code Strict-Transport-Security} (Django: {@code SECURE_HSTS_SECONDS}).
	 * @param hstsSeconds the max-age, not negative
	 */
	public void setHstsSeconds(long hstsSeconds) {
		Assert.isTrue(hstsSeconds >= 0, "HSTS seconds must not be negative");
		this.hstsSeconds = hstsSeconds;
		this.headersWriter = createHeadersWriter();
	}

	/**
	 * Adds {@code includeSubDomains} to HSTS (Django: {@code SECURE_HSTS_INCLUDE_SUBDOMAINS}).
	 * @param hstsIncludeSubdomains whether to add it
	 */
	public void setHstsIncludeSubdomains(boolean hstsIncludeSubdomains) {
		this.hstsIncludeSubdomains = hstsIncludeSubdomains;
		this.headersWriter = createHeadersWriter();
	}

	/**
	 * Adds {@code preload} to HSTS (Django: {@code SECURE_HSTS_PRELOAD}).
	 * @param hstsPreload whether to add it
	 */
	public void setHstsPreload(boolean hstsPreload) {
		this.hstsPreload = hstsPreload;
		this.headersWriter = createHeadersWriter();
	}

	/**
	 * Sends {@code X-Content-Type-Options: nosniff} (Django: {@code SECURE_CONTENT_TYPE_NOSNIFF}).
	 * @param contentTypeNosniff whether to send it
	 */
	public void setContentTypeNosniff(boolean contentTypeNosniff) {
		this.contentTypeNosniff = contentTypeNosniff;
		this.headersWriter = createHeadersWriter();
	}

	/**
	 * The {@code Referrer-Policy} values, each of them possibly comma-separated; empty or
	 * {@code none} sends no header (Django: {@code SECURE_REFERRER_POLICY}).
	 * @param values the policies, sent in this order
	 * @throws IllegalArgumentException if a value is not a referrer policy
	 */
	public void setReferrerPolicy(List<String> values) {
		this.referrerPolicy = referrerPolicyHeader(values);
		this.headersWriter = createHeadersWriter();
	}

	/**
	 * The {@code Cross-Origin-Opener-Policy}; empty or {@code none} sends no header
	 * (Django: {@code SECURE_CROSS_ORIGIN_OPENER_POLICY}).
	 * @param value the policy
	 * @throws IllegalArgumentException if the value is not an opener policy
	 */
	public void setCrossOriginOpenerPolicy(@Nullable String value) {
		this.crossOriginOpenerPolicy = crossOriginOpenerPolicyHeader(value);
		this.headersWriter = createHeadersWriter();
	}

	/**
	 * Redirects plain-HTTP requests to HTTPS with a 301 (Django: {@code SECURE_SSL_REDIRECT}).
	 * Needs {@linkplain #setAllowedHosts allowed hosts} or an {@linkplain #setSslHost ssl-host}:
	 * without either the redirect is refused with 400.
	 * @param sslRedirect whether to redirect
	 */
	public void setSslRedirect(boolean sslRedirect) {
		this.sslRedirect = sslRedirect;
	}

	/**
	 * The host of the HTTPS redirect instead of the request's host and port (Django:
	 * {@code SECURE_SSL_HOST}).
	 * @param sslHost the host, or {@code null} for the request's
	 */
	public void setSslHost(@Nullable String sslHost) {
		this.sslHost = StringUtils.hasText(sslHost) ? sslHost.trim() : null;
	}

	/**
	 * The hosts the HTTPS redirect may name: a request for another host, or with a
	 * malformed {@code Host}, gets 400 instead of a redirect to that host, as Django's
	 * {@code get_host()} refuses it (Django: {@code ALLOWED_HOSTS}). Not used with an
	 * ssl-host. Defaults to none listed ({@link AllowedHosts#ANY}): without an ssl-host,
	 * every request to redirect then gets 400, as Django refuses every host when
	 * {@code ALLOWED_HOSTS} is empty; requests that need no redirect are unaffected.
	 * @param allowedHosts the hosts served
	 */
	public void setAllowedHosts(AllowedHosts allowedHosts) {
		Assert.notNull(allowedHosts, "'allowedHosts' must not be null");
		this.allowedHosts = allowedHosts;
	}

	/**
	 * Paths never redirected to HTTPS: patterns searched in the decoded request path
	 * without its leading slashes (Django: {@code SECURE_REDIRECT_EXEMPT}).
	 * @param redirectExempt the patterns
	 */
	public void setRedirectExempt(List<Pattern> redirectExempt) {
		Assert.noNullElements(redirectExempt, "'redirectExempt' must not contain null");
		this.redirectExempt = List.copyOf(redirectExempt);
	}

	private ResponseHeaders createHeadersWriter() {
		List<DefaultHeader> always = new ArrayList<>();
		if (this.contentTypeNosniff) {
			always.add(new DefaultHeader(ContentTypeOptionsServerHttpHeadersWriter.X_CONTENT_OPTIONS, "nosniff"));
		}
		if (this.referrerPolicy != null) {
			always.add(new DefaultHeader(ReferrerPolicyServerHttpHeadersWriter.REFERRER_POLICY, this.referrerPolicy));
		}
		if (this.crossOriginOpenerPolicy != null) {
			always.add(new DefaultHeader(CROSS_ORIGIN_OPENER_POLICY, this.crossOriginOpenerPolicy));
		}
		DefaultHeader hsts = (this.hstsSeconds > 0)
				? new DefaultHeader(StrictTransportSecurityServerHttpHeadersWriter.STRICT_TRANSPORT_SECURITY, hstsHeader())
				: null;
		return new ResponseHeaders(always.toArray(new DefaultHeader[0]), hsts);
	}

	/** Django's format; Spring Security's HSTS writer puts a space before each ';'. */
	private String hstsHeader() {
		return "max-age=" + this.hstsSeconds + (this.hstsIncludeSubdomains ? "; includeSubDomains" : "")
				+ (this.hstsPreload ? "; preload" : "");
	}

	/**
	 * The headers the entry sets on every response that lacks them, HSTS only on secure
	 * requests (Django's {@code SecurityMiddleware.process_response}).
	 */
	private record ResponseHeaders(DefaultHeader[] always, @Nullable DefaultHeader hsts) {

		void write(ServerWebExchange exchange, RequestSecurity requestSecurity) {
			HttpHeaders headers = exchange.getResponse().getHeaders();
			if (this.hsts != null && requestSecurity.isSecure(exchange.getRequest())) {
				this.hsts.setOn(headers);
			}
			for (DefaultHeader header : this.always) {
				header.setOn(headers);
			}
		}

	}

	/**
	 * The {@code Referrer-Policy} header Django writes for the setting's values.
	 * @param values the values, each possibly comma-separated
	 * @return the header value, or {@code null} for none
	 * @throws IllegalArgumentException if a value is not a referrer policy
	 */
	public static @Nullable String referrerPolicyHeader(List<String> values) {
		List<String> policies = values.stream()
			.flatMap((value) -> Arrays.stream(value.split(",", -1)))
			.map(String::trim)
			.toList();
		if (policies.isEmpty() || (policies.size() == 1
				&& (policies.get(0).isEmpty() || policies.get(0).toLowerCase(Locale.ROOT).equals("none")))) {
			return null;
		}
		List<String> allowed = Arrays.stream(ReferrerPolicy.values()).map(ReferrerPolicy::getPolicy).toList();
		for (String policy : policies) {
			if (!allowed.contains(policy)) {
				throw new IllegalArgumentException("'" + policy + "' is not a referrer policy. Valid values are: "
						+ String.join(", ", allowed) + "; or empty (or 'none') for no header");
			}
		}
		return String.join(",", policies);
	}

	/**
	 * The {@code Cross-Origin-Opener-Policy} header for the setting's value.
	 * @param value the value
	 * @return the header value, or {@code null} for none
	 * @throws IllegalArgumentException if the value is not an opener policy
	 */
	public static @Nullable String crossOriginOpenerPolicyHeader(@Nullable String value) {
		if (value == null || value.isBlank() || value.trim().toLowerCase(Locale.ROOT).equals("none")) {
			return null;
		}
		String policy = value.trim();
		List<String> allowed = Arrays.stream(CrossOriginOpenerPolicy.values())
			.map(CrossOriginOpenerPolicy::getPolicy)
			.collect(Collectors.toList());
		if (!allowed.contains(policy)) {
			throw new IllegalArgumentException("'" + policy + "' is not a cross-origin opener policy. Valid values are: "
					+ String.join(", ", allowed) + "; or empty (or 'none') for no header");
		}
		return policy;
	}

}
