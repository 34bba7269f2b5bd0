package io.asyncmiddleware.handler;

import java.lang.reflect.Method;
import java.util.Map;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link HandlerAnnotationReader} reads, and that it reads each handler once.
 */
class HandlerAnnotationReaderTests {

	private final HandlerAnnotationReader reader = new HandlerAnnotationReader();

	@Test
	void anInheritedMethodCarriesEachControllersClassAnnotations() throws NoSuchMethodException {
		Method page = BaseController.class.getMethod("page");
		ResolvedHandler exempt = this.reader.read(new HandlerMethod(new ExemptController(), page), Map.of());
		ResolvedHandler plain = this.reader.read(new HandlerMethod(new PlainController(), page), Map.of());
		assertThat(exempt.hasAnnotation(CsrfExempt.class)).isTrue();
		assertThat(plain.hasAnnotation(CsrfExempt.class)).isFalse();
		// and the method's own annotation on both
		assertThat(exempt.hasAnnotation(NoAppendSlash.class)).isTrue();
		assertThat(plain.hasAnnotation(NoAppendSlash.class)).isTrue();
		// read again, in the other order: the same answers
		assertThat(this.reader.read(new HandlerMethod(new PlainController(), page), Map.of())
			.hasAnnotation(CsrfExempt.class)).isFalse();
		assertThat(this.reader.read(new HandlerMethod(new ExemptController(), page), Map.of())
			.hasAnnotation(CsrfExempt.class)).isTrue();
	}

	@Test
	void aHandlerMethodIsReadOnceForEveryRequest() throws NoSuchMethodException {
		Method page = BaseController.class.getMethod("page");
		// Spring maps a request to a new HandlerMethod over the same Method each time
		ResolvedHandler first = this.reader.read(new HandlerMethod(new ExemptController(), page), Map.of());
		ResolvedHandler second = this.reader.read(new HandlerMethod(new ExemptController(), page), Map.of());
		assertThat(second.getAnnotation(CsrfExempt.class)).isSameAs(first.getAnnotation(CsrfExempt.class));
	}

	@Test
	void aHandlerFunctionsAnnotationsAreItsClasss() {
		ResolvedHandler handler = this.reader.read(new ExemptFunction(), Map.of());
		assertThat(handler.hasAnnotation(CsrfExempt.class)).isTrue();
		assertThat(this.reader.read(new ExemptFunction(), Map.of()).getAnnotation(CsrfExempt.class))
			.isSameAs(handler.getAnnotation(CsrfExempt.class));
	}

	static class BaseController {

		@NoAppendSlash
		public String page() {
			return "page";
		}

	}

	@CsrfExempt
	static class ExemptController extends BaseController {

	}

	static class PlainController extends BaseController {

	}

	@CsrfExempt
	static class ExemptFunction implements HandlerFunction<ServerResponse> {

		@Override
		public Mono<ServerResponse> handle(ServerRequest request) {
			return ServerResponse.ok().build();
		}

	}

}
