package io.asyncmiddleware.benchmarks.mvc;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.CrossOriginOpenerPolicyHeaderWriter.CrossOriginOpenerPolicy;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * The starter's full stack, concern by concern, as a servlet application has it:
 * <ul>
 * <li>security, x-frame-options: Spring Security's header writers (HSTS on secure
 * requests, nosniff, Referrer-Policy and COOP same-origin, X-Frame-Options DENY);</li>
 * <li>session, authentication: the container's {@code HttpSession} and Spring Security's
 * context filters;</li>
 * <li>csrf: Spring Security's CSRF filter with Django's cookie and header names;</li>
 * <li>common: {@link DisallowedUserAgentFilter};</li>
 * <li>messages: Spring MVC's flash attributes (session-backed, built into the
 * dispatcher);</li>
 * <li>gzip: Tomcat's connector compression ({@code server.compression.*});</li>
 * <li>conditional-get: {@link ShallowEtagHeaderFilter}.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class ServletStackConfiguration {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		CookieCsrfTokenRepository csrfTokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
		csrfTokens.setCookieName("csrftoken");
		csrfTokens.setHeaderName("X-CSRFToken");
		csrfTokens.setParameterName("csrfmiddlewaretoken");
		return http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.csrf((csrf) -> csrf.csrfTokenRepository(csrfTokens))
			.headers((headers) -> headers
				.httpStrictTransportSecurity((hsts) -> hsts.maxAgeInSeconds(31536000).includeSubDomains(true))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
				.crossOriginOpenerPolicy((coop) -> coop.policy(CrossOriginOpenerPolicy.SAME_ORIGIN))
				.frameOptions((frame) -> frame.deny()))
			.httpBasic((basic) -> basic.disable())
			.formLogin((form) -> form.disable())
			.build();
	}

	@Bean
	FilterRegistrationBean<DisallowedUserAgentFilter> disallowedUserAgentFilter() {
		FilterRegistrationBean<DisallowedUserAgentFilter> registration = new FilterRegistrationBean<>(
				new DisallowedUserAgentFilter(Pattern.compile("BadBot")));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	@Bean
	FilterRegistrationBean<ShallowEtagHeaderFilter> conditionalGetFilter() {
		FilterRegistrationBean<ShallowEtagHeaderFilter> registration = new FilterRegistrationBean<>(
				new ShallowEtagHeaderFilter());
		registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
		return registration;
	}

	/**
	 * Django's DISALLOWED_USER_AGENTS check, the part of CommonMiddleware every request
	 * pays for.
	 */
	static final class DisallowedUserAgentFilter extends OncePerRequestFilter {

		private final Pattern disallowed;

		DisallowedUserAgentFilter(Pattern disallowed) {
			this.disallowed = disallowed;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String userAgent = request.getHeader(HttpHeaders.USER_AGENT);
			if (userAgent != null && this.disallowed.matcher(userAgent).find()) {
				response.sendError(HttpServletResponse.SC_FORBIDDEN, "Forbidden user agent");
				return;
			}
			chain.doFilter(request, response);
		}

	}

}
