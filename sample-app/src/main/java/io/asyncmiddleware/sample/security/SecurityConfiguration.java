package io.asyncmiddleware.sample.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UserDetailsRepositoryReactiveAuthenticationManager;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

/**
 * Spring Security with the stack doing Django's jobs: the {@code csrf},
 * {@code security}, {@code x-frame-options} and {@code authentication} entries replace
 * Spring Security's CSRF, headers, login pages and session context, so its own chain only
 * authorizes (everything is permitted; {@code @LoginRequired} guards {@code /private/}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http) {
		return http.authorizeExchange((exchanges) -> exchanges.anyExchange().permitAll())
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.headers(ServerHttpSecurity.HeaderSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			// the authentication entry already put the user in the Reactor context; reading
			// the session here would add Vary: Cookie to every response
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.requestCache((cache) -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.build();
	}

	/**
	 * Passwords stored as {@code {bcrypt}...}, as Spring Security's delegating encoder
	 * writes them.
	 */
	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/**
	 * Checks a user name and password against the users table; the password hash is
	 * compared on {@code boundedElastic}, off the event loop.
	 */
	@Bean
	ReactiveAuthenticationManager authenticationManager(ReactiveUserDetailsService users,
			PasswordEncoder passwordEncoder) {
		UserDetailsRepositoryReactiveAuthenticationManager manager = new UserDetailsRepositoryReactiveAuthenticationManager(
				users);
		manager.setPasswordEncoder(passwordEncoder);
		return manager;
	}

}
