package io.asyncmiddleware.autoconfigure.springsecurity;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.RequestPath;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;

/**
 * Finds which headers a header-writing filter of Spring Security's chain writes, by
 * running it once, at startup, on a stand-in secure {@code GET /} exchange and reading the
 * response headers it leaves. Spring Security's writers keep their settings private; what
 * they write is the only public fact (its Referrer-Policy writer always writes, its
 * Cross-Origin-Opener-Policy writer only when configured).
 */
final class HeaderWriterProbe {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private HeaderWriterProbe() {
	}

	/**
	 * The headers the filter writes on a secure {@code GET /}.
	 * @param filter the filter, e.g. Spring Security's {@code HttpHeaderWriterWebFilter}
	 * @return the header names, or {@code null} when the filter cannot be run outside a
	 * real exchange
	 */
	static @Nullable Set<String> headersWritten(WebFilter filter) {
		HttpHeaders headers = new HttpHeaders();
		List<Supplier<? extends Mono<Void>>> beforeCommit = new ArrayList<>();
		ServerWebExchange exchange = exchange(headers, beforeCommit);
		try {
			filter.filter(exchange, (passed) -> Mono.empty()).block(TIMEOUT);
			Flux.fromIterable(beforeCommit).concatMap(Supplier::get).then().block(TIMEOUT);
		}
		catch (RuntimeException ex) {
			return null;
		}
		return new LinkedHashSet<>(headers.headerNames());
	}

	private static ServerWebExchange exchange(HttpHeaders responseHeaders,
			List<Supplier<? extends Mono<Void>>> beforeCommit) {
		Map<String, Object> attributes = new ConcurrentHashMap<>();
		ServerHttpRequest request = stub(ServerHttpRequest.class, (method) -> switch (method) {
			case "getURI" -> URI.create("https://localhost/");
			case "getMethod" -> HttpMethod.GET;
			case "getPath" -> RequestPath.parse("/", null);
			case "getHeaders" -> new HttpHeaders();
			case "getId" -> "probe";
			default -> null;
		}, null);
		ServerHttpResponse response = stub(ServerHttpResponse.class, (method) -> switch (method) {
			case "getHeaders" -> responseHeaders;
			default -> null;
		}, beforeCommit);
		return stub(ServerWebExchange.class, (method) -> switch (method) {
			case "getRequest" -> request;
			case "getResponse" -> response;
			case "getAttributes" -> attributes;
			default -> null;
		}, null);
	}

	// A stand-in: named answers, empty publishers, false, nothing; beforeCommit collected
	private static <T> T stub(Class<T> type, Function<String, @Nullable Object> answers,
			@Nullable List<Supplier<? extends Mono<Void>>> beforeCommit) {
		Object stub = Proxy.newProxyInstance(HeaderWriterProbe.class.getClassLoader(), new Class<?>[] { type },
				(proxy, method, args) -> {
					String name = method.getName();
					if (name.equals("beforeCommit") && beforeCommit != null && args != null) {
						@SuppressWarnings("unchecked")
						Supplier<? extends Mono<Void>> action = (Supplier<? extends Mono<Void>>) args[0];
						beforeCommit.add(action);
						return null;
					}
					if (name.equals("getAttribute") && args != null) {
						Object attributes = ((ServerWebExchange) proxy).getAttributes();
						return (attributes instanceof Map<?, ?> map) ? map.get(args[0]) : null;
					}
					if (name.equals("toString")) {
						return "probe " + type.getSimpleName();
					}
					if (name.equals("hashCode")) {
						return System.identityHashCode(proxy);
					}
					if (name.equals("equals")) {
						return proxy == args[0];
					}
					Object answer = answers.apply(name);
					if (answer != null) {
						return answer;
					}
					Class<?> returned = method.getReturnType();
					if (returned == Mono.class) {
						return Mono.empty();
					}
					if (returned == Flux.class) {
						return Flux.empty();
					}
					if (returned == boolean.class) {
						return false;
					}
					if (returned.isPrimitive() && returned != void.class) {
						return 0;
					}
					return null;
				});
		return type.cast(stub);
	}

}
