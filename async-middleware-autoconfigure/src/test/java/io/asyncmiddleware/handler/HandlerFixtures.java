package io.asyncmiddleware.handler;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.DispatcherHandler;
import org.springframework.web.reactive.config.EnableWebFlux;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ResponseStatusException;

import static org.springframework.web.reactive.function.server.RequestPredicates.path;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

/**
 * Controllers and functional routes carrying the handler annotations, in a small WebFlux
 * application context; shared by the handler and entry tests.
 */
public final class HandlerFixtures {

	private HandlerFixtures() {
	}

	/**
	 * Starts a WebFlux context with the fixtures, a {@link DefaultHandlerResolver} over its
	 * {@code DispatcherHandler}'s mappings, and the given extra configuration.
	 * @param extra extra configuration classes (filters as {@code WebFilter} beans)
	 * @return the started context
	 */
	public static AnnotationConfigApplicationContext context(Class<?>... extra) {
		AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
		context.register(WebConfiguration.class);
		if (extra.length > 0) {
			context.register(extra);
		}
		context.refresh();
		return context;
	}

	/** Composed annotation: meta-annotated with {@link CsrfExempt}. */
	@Target({ ElementType.METHOD, ElementType.TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@CsrfExempt
	public @interface PublicApi {

	}

	@Configuration(proxyBeanMethods = false)
	@EnableWebFlux
	static class WebConfiguration {

		@Bean
		Views views() {
			return new Views();
		}

		@Bean
		FramedViews framedViews() {
			return new FramedViews();
		}

		@Bean
		DefaultHandlerResolver handlerResolver(DispatcherHandler webHandler) {
			return new DefaultHandlerResolver(webHandler::getHandlerMappings);
		}

		@Bean
		RouterFunction<ServerResponse> functionalRoutes() {
			return HandlerFixtures.functionalRoutes(true);
		}

	}

	/**
	 * Functional routes: {@code /fn/hello/}, {@code /fn/exempt/} (CSRF-exempt),
	 * {@code /fn/methods/} (GET only), {@code /fn/frame/...} (X-Frame-Options annotations),
	 * {@code /fn/class-annotated/} (a handler class annotated exempt), {@code /fn/forbidden/}.
	 * @param filtered whether a filter wraps every handler function
	 * @return the routes
	 */
	public static RouterFunction<ServerResponse> functionalRoutes(boolean filtered) {
		HandlerFunction<ServerResponse> ok = (request) -> ServerResponse.ok().bodyValue("ok");
		RouterFunction<ServerResponse> routes = route().GET("/fn/hello/", (request) -> ServerResponse.ok().bodyValue("hello"))
			.add(HandlerAnnotations.annotate(route().POST("/fn/exempt/", ok).build(), CsrfExempt.class))
			.add(HandlerAnnotations.annotate(route(path("/fn/methods/"), (request) -> ServerResponse.ok().bodyValue("get only")),
					HandlerAnnotations.requireHttpMethods("GET")))
			.add(HandlerAnnotations.annotate(route().GET("/fn/frame/exempt/", ok).build(), XFrameOptionsExempt.class))
			.add(HandlerAnnotations.annotate(route().GET("/fn/frame/sameorigin/", ok).build(),
					XFrameOptionsSameOrigin.class))
			.add(HandlerAnnotations.annotate(route().GET("/fn/frame/deny/", ok).build(), XFrameOptionsDeny.class))
			.add(HandlerAnnotations.annotate(route().GET("/fn/frame/own/",
					(request) -> ServerResponse.ok().header("X-Frame-Options", "SAMEORIGIN").bodyValue("own")).build(),
					XFrameOptionsDeny.class))
			.add(HandlerAnnotations.annotate(
					HandlerAnnotations.annotate(route().GET("/fn/nested/", ok).build(), XFrameOptionsDeny.class),
					XFrameOptionsExempt.class, CsrfExempt.class))
			.GET("/fn/class-annotated/", new ExemptHandler())
			.GET("/fn/forbidden/", (request) -> Mono.error(new ResponseStatusException(HttpStatus.FORBIDDEN)))
			.build();
		return filtered ? routes.filter((request, next) -> next.handle(request)) : routes;
	}

	/** A handler object whose class carries the annotation. */
	@CsrfExempt
	static final class ExemptHandler implements HandlerFunction<ServerResponse> {

		@Override
		public Mono<ServerResponse> handle(ServerRequest request) {
			return ServerResponse.ok().bodyValue("class");
		}

	}

	@RestController
	static class Views {

		@GetMapping("/hello/")
		Mono<String> hello() {
			return Mono.just("hello");
		}

		@CsrfExempt
		@PostMapping("/api/exempt/")
		Mono<String> exempt() {
			return Mono.just("ok");
		}

		@PublicApi
		@PostMapping("/api/public/")
		Mono<String> publicApi() {
			return Mono.just("ok");
		}

		@GetMapping("/users/{id}/")
		Mono<String> user(@PathVariable String id) {
			return Mono.just(id);
		}

		@RequireHttpMethods("GET")
		@RequestMapping("/methods/")
		Mono<String> methods() {
			return Mono.just("get only");
		}

		@RequireHttpMethods({ "GET", "POST" })
		@RequestMapping("/stream/")
		Flux<String> stream() {
			return Flux.just("a", "b");
		}

		@XFrameOptionsSameOrigin
		@GetMapping("/frame/sameorigin/")
		Mono<String> sameOrigin() {
			return Mono.just("ok");
		}

		@CrossOrigin("https://trusted.example")
		@GetMapping("/cors/")
		Mono<String> cors() {
			return Mono.just("cors");
		}

		@GetMapping("/forbidden/")
		Mono<String> forbidden() {
			return Mono.error(new ResponseStatusException(HttpStatus.FORBIDDEN));
		}

	}

	@RestController
	@XFrameOptionsExempt
	@RequireHttpMethods("GET")
	static class FramedViews {

		@RequestMapping("/frame/exempt/")
		Mono<String> exempt() {
			return Mono.just("ok");
		}

		@XFrameOptionsDeny
		@GetMapping("/frame/deny/")
		Mono<String> deny() {
			return Mono.just("ok");
		}

	}

}
