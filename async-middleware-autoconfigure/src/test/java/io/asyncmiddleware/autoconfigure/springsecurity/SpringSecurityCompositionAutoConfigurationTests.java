package io.asyncmiddleware.autoconfigure.springsecurity;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.csrf.CsrfWebFilter;
import org.springframework.security.web.server.header.HttpHeaderWriterWebFilter;
import org.springframework.web.server.WebFilter;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class SpringSecurityCompositionAutoConfigurationTests {

	private static final String DJANGO_STACK = "async-middleware.stack=security,session,common,csrf,authentication,"
			+ "messages,x-frame-options";

	private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SpringSecurityCompositionAutoConfiguration.class,
				ReactiveUserDetailsServiceAutoConfiguration.class, ReactiveWebSecurityAutoConfiguration.class));

	@Test
	@DisplayName("Boot's security and no chain of the application's: a permit-all chain that leaves CSRF and headers to the stack, and no generated password")
	void permitAllChainWithoutUserChain(CapturedOutput output) {
		this.runner.withPropertyValues(DJANGO_STACK).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasSingleBean(SecurityWebFilterChain.class)
				.hasBean(SpringSecurityCompositionAutoConfiguration.PERMIT_ALL_CHAIN);
			List<WebFilter> filters = filtersOf(context.getBean(SecurityWebFilterChain.class));
			assertThat(filters).noneMatch(CsrfWebFilter.class::isInstance)
				.noneMatch(HttpHeaderWriterWebFilter.class::isInstance)
				.noneMatch((filter) -> filter.getClass().getName().contains("AuthenticationWebFilter"));
			assertThat(context).doesNotHaveBean(ReactiveUserDetailsService.class);
			assertThat(context).hasSingleBean(ReactiveAuthenticationManager.class);
		});
		assertThat(output).doesNotContain("Using generated security password");
	}

	@Test
	@DisplayName("spring.security.user.* configured: Boot's user is created as asked")
	void configuredUserIsKept() {
		this.runner.withPropertyValues("spring.security.user.name=bob", "spring.security.user.password=secret")
			.run((context) -> {
				assertThat(context).hasSingleBean(MapReactiveUserDetailsService.class);
				assertThat(context).hasBean(SpringSecurityCompositionAutoConfiguration.PERMIT_ALL_CHAIN);
			});
	}

	@Test
	@DisplayName("the application's own users are left alone, and so is Boot's deny-all manager")
	void applicationUsersAreKept() {
		this.runner.withUserConfiguration(Users.class).run((context) -> {
			assertThat(context).hasSingleBean(ReactiveUserDetailsService.class).hasBean("users");
			assertThat(context).doesNotHaveBean("asyncMiddlewareNoUsersAuthenticationManager");
		});
	}

	@Test
	@DisplayName("without Boot's security auto-configuration nothing is contributed")
	void noChainWithoutBootSecurity() {
		this.runner.withClassLoader(new FilteredClassLoader(ReactiveWebSecurityAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(SecurityWebFilterChain.class));
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(SpringSecurityCompositionAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(SpringSecurityDuplicatesPostProcessor.class));
	}

	@Test
	@DisplayName("async-middleware.enabled=false contributes nothing")
	void disabled() {
		this.runner.withPropertyValues("async-middleware.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(
					SpringSecurityCompositionAutoConfiguration.PERMIT_ALL_CHAIN));
	}

	@Test
	@DisplayName("the application's chain: its CSRF filter and the stack's headers are switched off, one INFO line names them")
	void userChainDuplicatesDisabled(CapturedOutput output) {
		this.runner.withPropertyValues(DJANGO_STACK).withUserConfiguration(DefaultsChain.class, Users.class)
			.run((context) -> {
				assertThat(context).doesNotHaveBean(SpringSecurityCompositionAutoConfiguration.PERMIT_ALL_CHAIN);
				SecurityWebFilterChain chain = context.getBean(SecurityWebFilterChain.class);
				assertThat(chain).isInstanceOf(StackComposedSecurityWebFilterChain.class);
				List<WebFilter> filters = filtersOf(chain);
				assertThat(filters).noneMatch(CsrfWebFilter.class::isInstance);
				assertThat(filters).filteredOn(StackOwnedHeadersWebFilter.class::isInstance)
					.singleElement()
					.satisfies((filter) -> assertThat(((StackOwnedHeadersWebFilter) filter).springHeaders())
						.isInstanceOf(HttpHeaderWriterWebFilter.class));
				// what Spring Security does besides stays
				assertThat(filters)
					.hasSize(filtersOf(((StackComposedSecurityWebFilterChain) chain).original()).size() - 1);
			});
		assertThat(output).containsOnlyOnce("Spring Security chain 'chain': switched off its CsrfWebFilter")
			.contains("X-Frame-Options, Strict-Transport-Security, X-Content-Type-Options, Referrer-Policy headers");
	}

	@Test
	@DisplayName("a stack without csrf, x-frame-options or security leaves the application's chain as it is")
	void stackWithoutOwnedPartsLeavesChain() {
		this.runner.withPropertyValues("async-middleware.stack=session,common,gzip")
			.withUserConfiguration(DefaultsChain.class, Users.class)
			.run((context) -> assertThat(context.getBean(SecurityWebFilterChain.class))
				.isNotInstanceOf(StackComposedSecurityWebFilterChain.class));
	}

	@Test
	@DisplayName("only what the stack owns: with x-frame-options alone, Spring's CSRF stays and only its X-Frame-Options goes")
	void onlyOwnedParts(CapturedOutput output) {
		this.runner.withPropertyValues("async-middleware.stack=session,x-frame-options")
			.withUserConfiguration(DefaultsChain.class, Users.class)
			.run((context) -> {
				List<WebFilter> filters = filtersOf(context.getBean(SecurityWebFilterChain.class));
				assertThat(filters).anyMatch(CsrfWebFilter.class::isInstance);
			});
		assertThat(output).contains("switched off its X-Frame-Options header (written by the 'x-frame-options' entry)");
	}

	@Test
	@DisplayName("a chain that already leaves CSRF and headers to the stack is kept, with nothing logged")
	void cleanChainKept(CapturedOutput output) {
		this.runner.withPropertyValues(DJANGO_STACK).withUserConfiguration(CleanChain.class, Users.class)
			.run((context) -> assertThat(context.getBean(SecurityWebFilterChain.class))
				.isNotInstanceOf(StackComposedSecurityWebFilterChain.class));
		assertThat(output).doesNotContain("switched off");
	}

	@Test
	@DisplayName("duplicates=fail stops startup; the report gives the lines to change")
	void userChainDuplicatesFail() {
		this.runner.withPropertyValues(DJANGO_STACK, "async-middleware.spring-security.duplicates=fail")
			.withUserConfiguration(DefaultsChain.class, Users.class)
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new SpringSecurityDuplicatesFailureAnalyzer()
					.analyze(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).contains("Spring Security's chain 'chain'")
					.contains("its CsrfWebFilter: a second CSRF check, beside the 'csrf' entry")
					.contains("its X-Frame-Options header, beside the 'x-frame-options' entry")
					.contains("its Referrer-Policy header, beside the 'security' entry");
				assertThat(analysis.getAction()).contains("http.csrf(ServerHttpSecurity.CsrfSpec::disable);")
					.contains("http.headers(ServerHttpSecurity.HeaderSpec::disable);");
			});
	}

	@Test
	@DisplayName("duplicates=fail with a chain that duplicates nothing starts")
	void failWithCleanChainStarts() {
		this.runner.withPropertyValues(DJANGO_STACK, "async-middleware.spring-security.duplicates=fail")
			.withUserConfiguration(CleanChain.class, Users.class)
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	@DisplayName("headers that Spring Security can switch off one by one get one line each")
	void fixesPerHeader() {
		SpringSecurityDuplicatesException exception = new SpringSecurityDuplicatesException("chain",
				List.of(new SpringSecurityDuplicate("X-Frame-Options", "x-frame-options"),
						new SpringSecurityDuplicate("Strict-Transport-Security", "security")));
		assertThat(exception.getFixes()).containsExactly("http.headers((headers) -> headers"
				+ ".frameOptions(ServerHttpSecurity.HeaderSpec.FrameOptionsSpec::disable)"
				+ ".hsts(ServerHttpSecurity.HeaderSpec.HstsSpec::disable))");
	}

	private static List<WebFilter> filtersOf(SecurityWebFilterChain chain) {
		return chain.getWebFilters().collectList().block();
	}

	@Configuration(proxyBeanMethods = false)
	static class Users {

		@Bean
		MapReactiveUserDetailsService users() {
			return new MapReactiveUserDetailsService(
					User.withUsername("alice").password("{noop}wonderland").roles("USER").build());
		}

	}

	/** A chain as Spring Security's guide writes it: CSRF and headers on. */
	@Configuration(proxyBeanMethods = false)
	static class DefaultsChain {

		@Bean
		SecurityWebFilterChain chain(ServerHttpSecurity http) {
			return http.authorizeExchange((exchanges) -> exchanges.pathMatchers("/private/**").authenticated()
				.anyExchange().permitAll()).formLogin((form) -> { }).build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CleanChain {

		@Bean
		SecurityWebFilterChain chain(ServerHttpSecurity http) {
			return http.authorizeExchange((exchanges) -> exchanges.anyExchange().permitAll())
				.csrf(ServerHttpSecurity.CsrfSpec::disable)
				.headers(ServerHttpSecurity.HeaderSpec::disable)
				.build();
		}

	}

}
