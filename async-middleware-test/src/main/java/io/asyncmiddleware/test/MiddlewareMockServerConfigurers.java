package io.asyncmiddleware.test;

import java.util.Arrays;
import java.util.List;

import io.asyncmiddleware.chain.ChainEntry;
import io.asyncmiddleware.chain.ComposedStackWebFilter;
import io.asyncmiddleware.metrics.EntryMetrics;
import io.asyncmiddleware.middleware.csrf.CsrfTokenFormat;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.reactive.server.WebTestClientConfigurer;
import org.springframework.util.Assert;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;

/**
 * {@link WebTestClient} mutators for applications whose chain is the middleware stack,
 * shaped like Spring Security's {@code SecurityMockServerConfigurers}:
 *
 * <pre class="code">
 * client.mutateWith(csrfToken()).post().uri("/comments/").exchange();
 * client.mutateWith(login("alice")).get().uri("/account/").exchange();
 * </pre>
 *
 * <p>The names differ from Spring Security's {@code csrf()} and {@code mockUser()} so that
 * both can be imported statically: those feed Spring Security's own filters, these the
 * stack's {@code csrf} and {@code authentication} entries.
 */
public final class MiddlewareMockServerConfigurers {

	// where the authentication entry (SessionLogin) reads the user
	private static final String CONTEXT_ATTRIBUTE = WebSessionServerSecurityContextRepository.DEFAULT_SPRING_SECURITY_CONTEXT_ATTR_NAME;

	private MiddlewareMockServerConfigurers() {
	}

	/**
	 * Sends a valid CSRF secret cookie and a masked token in the header, in Django's format
	 * and under Django's names ({@code csrftoken}, {@code X-CSRFToken}), so that unsafe
	 * requests pass the {@code csrf} entry. Works with a mock and with a running server.
	 * @return the configurer; change the names with {@link CsrfTokenConfigurer#cookieName}
	 * and {@link CsrfTokenConfigurer#headerName} when {@code async-middleware.csrf.*} does
	 */
	public static CsrfTokenConfigurer csrfToken() {
		return new CsrfTokenConfigurer();
	}

	/**
	 * Logs in a user with the given name and roles: every request through the client
	 * arrives with a session that holds the user, where the {@code authentication} entry
	 * reads it (Spring Security's {@code SPRING_SECURITY_CONTEXT} session attribute).
	 * @param username the user's name
	 * @param roles the user's roles, without the {@code ROLE_} prefix
	 * @return the configurer
	 */
	public static LoginConfigurer login(String username, String... roles) {
		Assert.hasText(username, "'username' must not be empty");
		List<String> authorities = Arrays.stream(roles).map((role) -> "ROLE_" + role).toList();
		return login(UsernamePasswordAuthenticationToken.authenticated(username, null,
				AuthorityUtils.createAuthorityList(authorities)));
	}

	/**
	 * Logs in the given user; see {@link #login(String, String...)}.
	 * @param authentication an authenticated user
	 * @return the configurer
	 */
	public static LoginConfigurer login(Authentication authentication) {
		Assert.notNull(authentication, "'authentication' must not be null");
		Assert.isTrue(authentication.isAuthenticated(), "'authentication' must be authenticated");
		return new LoginConfigurer(authentication);
	}

	/**
	 * Sends a CSRF secret cookie and a masked token header.
	 */
	public static final class CsrfTokenConfigurer implements WebTestClientConfigurer {

		private static final CsrfTokenFormat format = new CsrfTokenFormat();

		private String cookieName = "csrftoken";

		private String headerName = "X-CSRFToken";

		private CsrfTokenConfigurer() {
		}

		/**
		 * The cookie name, when {@code async-middleware.csrf.cookie-name} changes it.
		 * @param cookieName the cookie name
		 * @return this configurer
		 */
		public CsrfTokenConfigurer cookieName(String cookieName) {
			Assert.hasText(cookieName, "'cookieName' must not be empty");
			this.cookieName = cookieName;
			return this;
		}

		/**
		 * The header name, when {@code async-middleware.csrf.header-name} changes it.
		 * @param headerName the header name
		 * @return this configurer
		 */
		public CsrfTokenConfigurer headerName(String headerName) {
			Assert.hasText(headerName, "'headerName' must not be empty");
			this.headerName = headerName;
			return this;
		}

		@Override
		public void afterConfigurerAdded(WebTestClient.Builder builder,
				@Nullable WebHttpHandlerBuilder httpHandlerBuilder, @Nullable ClientHttpConnector connector) {
			// the cookie holds the secret, the header a masked token (a fresh mask each time,
			// as Django renders it), exactly what a page rendered by the application sends
			String secret = format.newSecret();
			builder.defaultCookie(this.cookieName, secret).defaultHeader(this.headerName, format.mask(secret));
		}

	}

	/**
	 * Puts a user into every request's session, just before the {@code authentication}
	 * entry reads it.
	 */
	public static final class LoginConfigurer implements WebTestClientConfigurer {

		private static final String AUTHENTICATION_ENTRY = "authentication";

		private final Authentication authentication;

		private LoginConfigurer(Authentication authentication) {
			this.authentication = authentication;
		}

		@Override
		public void afterConfigurerAdded(WebTestClient.Builder builder,
				@Nullable WebHttpHandlerBuilder httpHandlerBuilder, @Nullable ClientHttpConnector connector) {
			if (httpHandlerBuilder == null) {
				throw new IllegalStateException("login(...) needs a WebTestClient bound to the application "
						+ "(@WebFluxTest, @SpringBootTest with @AutoConfigureWebTestClient and no server, or "
						+ "WebTestClient.bindToApplicationContext); against a running server, log in through the "
						+ "application's login endpoint instead");
			}
			httpHandlerBuilder.filters((filters) -> withSessionUser(filters, new SessionUserFilter(this.authentication)));
		}

		// the stack runs as one composed filter: the user goes in as one more entry of it
		private static void withSessionUser(List<WebFilter> filters, SessionUserFilter sessionUser) {
			ChainEntry entry = ChainEntry.of("login", sessionUser, new EntryMetrics(), null);
			for (int index = 0; index < filters.size(); index++) {
				if (filters.get(index) instanceof ComposedStackWebFilter stack) {
					ComposedStackWebFilter withUser = stack.withEntryBefore(AUTHENTICATION_ENTRY, entry);
					if (withUser != null) {
						filters.set(index, withUser);
						return;
					}
				}
			}
			throw new IllegalStateException("login(...) needs the 'authentication' entry in async-middleware.stack "
					+ "(after 'session'); the client's chain has none, so no request would see the user");
		}

	}

	/**
	 * Stores the user in the session as a login would; runs after the {@code session}
	 * entry, so the session is the one the application keeps and answers with.
	 */
	private static final class SessionUserFilter implements WebFilter {

		private final SecurityContext context;

		SessionUserFilter(Authentication authentication) {
			this.context = new SecurityContextImpl(authentication);
		}

		@Override
		public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
			return exchange.getSession().doOnNext((session) -> {
				if (session.getAttribute(CONTEXT_ATTRIBUTE) != this.context) {
					session.getAttributes().put(CONTEXT_ATTRIBUTE, this.context);
				}
			}).then(chain.filter(exchange));
		}

		@Override
		public String toString() {
			return "SessionUserFilter[" + this.context.getAuthentication().getName() + "]";
		}

	}

}
