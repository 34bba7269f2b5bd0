package io.asyncmiddleware.handler;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.asyncmiddleware.autoconfigure.handler.HandlerResolverAutoConfiguration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request is mapped once: {@code DispatcherHandler} gets the handler from
 * {@link ViewPhaseHandlerMapping}, which reuses what an entry resolved before dispatch,
 * with the attributes the mapping set (URI variables), or looks it up itself.
 */
class ViewPhaseHandlerMappingSharingTests {

	private final ReactiveWebApplicationContextRunner contextRunner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HandlerResolverAutoConfiguration.class, WebFluxAutoConfiguration.class,
				HttpHandlerAutoConfiguration.class, CodecsAutoConfiguration.class))
		.withUserConfiguration(ItemsController.class, CountingMappingConfiguration.class);

	@Test
	@DisplayName("resolved by an entry before dispatch: the mappings are asked once, and @PathVariable still binds")
	void resolvedOnce() {
		this.contextRunner.withUserConfiguration(ResolvingEntryConfiguration.class).run((context) -> {
			CountingMapping mapping = context.getBean(CountingMapping.class);
			WebTestClient client = WebTestClient.bindToApplicationContext(context).build();
			client.get().uri("/items/42/").exchange().expectStatus().isOk().expectBody(String.class).isEqualTo("item 42");
			client.get().uri("/items/7/").exchange().expectBody(String.class).isEqualTo("item 7");
			assertThat(mapping.lookups).hasValue(2);
		});
	}

	@Test
	@DisplayName("resolved by nothing before dispatch: the view position's lookup is dispatch's, once")
	void lookedUpOnceAtDispatch() {
		this.contextRunner.run((context) -> {
			CountingMapping mapping = context.getBean(CountingMapping.class);
			WebTestClient client = WebTestClient.bindToApplicationContext(context).build();
			client.get().uri("/items/42/").exchange().expectStatus().isOk().expectBody(String.class).isEqualTo("item 42");
			assertThat(mapping.lookups).hasValue(1);
		});
	}

	@Test
	@DisplayName("a resolution made before dispatch is answered for that request only")
	void otherRequestNotAnswered() {
		ViewPhaseHandlerMapping viewPhase = new ViewPhaseHandlerMapping(List::of);
		ServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/items/1/"));
		ViewPhaseHandlerMapping.share(exchange, MockServerHttpRequest.get("/items/2/").build(),
				new ResolvedHandler("handler", Map.of()), Map.of());
		assertThat(viewPhase.getHandler(exchange).blockOptional()).isEmpty();
	}

	@RestController
	static class ItemsController {

		@GetMapping("/items/{id}/")
		String item(@PathVariable String id) {
			return "item " + id;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CountingMappingConfiguration {

		@Bean
		CountingMapping countingMapping() {
			CountingMapping mapping = new CountingMapping();
			mapping.setOrder(-1);
			return mapping;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ResolvingEntryConfiguration {

		// an entry that asks for the handler before the rest of the chain, as csrf and
		// authentication do
		@Bean
		@Order(0)
		WebFilter resolvingEntry(HandlerResolver resolver) {
			return (exchange, chain) -> resolver.resolve(exchange).then(chain.filter(exchange));
		}

	}

	/** The application's controllers, mapped first, counting lookups that find one. */
	static class CountingMapping extends RequestMappingHandlerMapping {

		final AtomicInteger lookups = new AtomicInteger();

		@Override
		public Mono<HandlerMethod> getHandlerInternal(ServerWebExchange exchange) {
			return super.getHandlerInternal(exchange).doOnNext((found) -> this.lookups.incrementAndGet());
		}

	}

}
