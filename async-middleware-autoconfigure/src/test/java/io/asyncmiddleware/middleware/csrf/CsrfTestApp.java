package io.asyncmiddleware.middleware.csrf;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import io.asyncmiddleware.handler.CsrfExempt;
import io.asyncmiddleware.handler.HandlerResolver;
import io.asyncmiddleware.handler.ResolvedHandler;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebHandler;

/**
 * Routes for the CSRF tests: a minimal resolver and handler standing in for an application.
 */
final class CsrfTestApp {

	/** A path routed for GET only. */
	static final String GET_ONLY = "/get-only/";

	static final Set<String> ROUTES = Set.of("/token/", "/plain/", "/form/", "/exempt/", "/rotate/", "/notfound/",
			"/mono-token/", "/vary/");

	private CsrfTestApp() {
	}

	static WebTestClient client(CsrfWebFilter filter) {
		return WebTestClient.bindToWebHandler(handler()).webFilter(filter).build();
	}

	static CsrfWebFilter filter(Consumer<CookieCsrfSecretRepository> cookies, Consumer<CsrfWebFilter> settings) {
		CsrfTokenFormat format = new CsrfTokenFormat();
		CookieCsrfSecretRepository repository = new CookieCsrfSecretRepository(format, "X-CSRFToken",
				"csrfmiddlewaretoken");
		cookies.accept(repository);
		CsrfWebFilter filter = new CsrfWebFilter(format, repository, new TestResolver());
		filter.setDebug(true);
		settings.accept(filter);
		return filter;
	}

	static CsrfWebFilter filter() {
		return filter((cookies) -> {
		}, (filter) -> {
		});
	}

	static WebHandler handler() {
		return (exchange) -> {
			String path = exchange.getRequest().getPath().value();
			return switch (path) {
				case "/token/" -> write(exchange, HttpStatus.OK, token(exchange).getToken());
				case "/notfound/" -> write(exchange, HttpStatus.NOT_FOUND, token(exchange).getToken());
				case "/mono-token/" -> exchange.<Mono<CsrfToken>>getAttribute(CsrfToken.class.getName())
					.flatMap((token) -> write(exchange, HttpStatus.OK,
							token.getParameterName() + "=" + token.getToken()));
				case "/vary/" -> {
					exchange.getResponse().getHeaders().add("Vary", "Accept-Language");
					yield write(exchange, HttpStatus.OK, token(exchange).getToken());
				}
				case "/rotate/" -> CsrfTokenRotation.rotate(exchange).then(write(exchange, HttpStatus.OK, "rotated"));
				case "/form/" -> exchange.getFormData()
					.flatMap((form) -> write(exchange, HttpStatus.OK, "ok " + form.getFirst("name")));
				case "/plain/", "/exempt/" -> write(exchange, HttpStatus.OK, "ok");
				default -> write(exchange, HttpStatus.NOT_FOUND, "not found");
			};
		};
	}

	static CsrfToken token(ServerWebExchange exchange) {
		return exchange.getRequiredAttribute(CsrfWebFilter.TOKEN_ATTRIBUTE);
	}

	static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String body) {
		exchange.getResponse().setStatusCode(status);
		return exchange.getResponse()
			.writeWith(Mono.just(exchange.getResponse().bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8))));
	}

	@CsrfExempt
	static final class Exempt {

	}

	static final class TestResolver implements HandlerResolver {

		@Override
		public Mono<ResolvedHandler> resolve(ServerWebExchange exchange) {
			String path = exchange.getRequest().getPath().value();
			if (path.equals(GET_ONLY) && !HttpMethod.GET.equals(exchange.getRequest().getMethod())) {
				// the path routes, only not with this method (Spring's MethodNotAllowedException)
				return Mono.just(ResolvedHandler.methodNotAllowed(Set.of("GET")));
			}
			if (!ROUTES.contains(path)) {
				return Mono.just(ResolvedHandler.NONE);
			}
			if (path.equals("/exempt/")) {
				return Mono.just(new ResolvedHandler(path,
						Map.of(CsrfExempt.class, Exempt.class.getAnnotation(CsrfExempt.class))));
			}
			return Mono.just(new ResolvedHandler(path, Map.of()));
		}

		@Override
		public Mono<Boolean> isRoutable(ServerWebExchange exchange, String path) {
			return Mono.just(ROUTES.contains(path));
		}

	}

}
