package io.asyncmiddleware.middleware.auth;

import java.lang.annotation.Annotation;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.asyncmiddleware.handler.HandlerResolver;
import io.asyncmiddleware.handler.LoginRequired;
import io.asyncmiddleware.handler.ResolvedHandler;
import reactor.core.publisher.Mono;

import org.springframework.web.server.ServerWebExchange;

/**
 * A minimal {@link HandlerResolver} for tests: known paths, each with the annotations of a
 * method of the same name in {@link Handlers}.
 */
final class PathHandlerResolver implements HandlerResolver {

	private final Set<String> paths;

	PathHandlerResolver(Set<String> paths) {
		this.paths = paths;
	}

	@Override
	public Mono<ResolvedHandler> resolve(ServerWebExchange exchange) {
		String path = exchange.getRequest().getPath().value();
		if (!this.paths.contains(path)) {
			return Mono.just(ResolvedHandler.NONE);
		}
		String name = path.replace("/", "");
		Map<Class<? extends Annotation>, Annotation> annotations = Arrays.stream(Handlers.class.getDeclaredMethods())
			.filter((method) -> method.getName().equals(name))
			.flatMap((method) -> Arrays.stream(method.getAnnotations()))
			.collect(Collectors.toMap(Annotation::annotationType, (annotation) -> annotation));
		return Mono.just(new ResolvedHandler(path, annotations));
	}

	@Override
	public Mono<Boolean> isRoutable(ServerWebExchange exchange, String path) {
		return Mono.just(this.paths.contains(path));
	}

	@SuppressWarnings("unused")
	static final class Handlers {

		@LoginRequired
		void secret() {
		}

		@LoginRequired(loginUrl = "/custom_login/", redirectFieldName = "step")
		void custom() {
		}

		@LoginRequired(loginUrl = "https://login.example/accounts/login/")
		void remote() {
		}

	}

}
