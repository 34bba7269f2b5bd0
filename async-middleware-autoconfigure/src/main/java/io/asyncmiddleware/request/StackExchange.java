package io.asyncmiddleware.request;

import java.security.Principal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.MediaType;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.util.CollectionUtils;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebExchangeDecorator;
import org.springframework.web.server.WebSession;

/**
 * The one exchange the composed stack puts around each request: its response (the stack's
 * response phase), the request state the entries keep ({@link RequestSlot}s, Django's
 * attributes on {@code request}), and its form and multipart data read within
 * {@link RequestDataLimits}.
 *
 * <p>The data is read as Django's {@code HttpRequest} reads {@code request.POST}: a form
 * body whose {@code Content-Length} is over the limit is refused before a byte of it is
 * read; one without a length (chunked) is read within the codecs' in-memory limit
 * ({@code spring.codec.max-in-memory-size}, 256 KB by default) and refused over it; field
 * and file counts are checked on the parsed data (a multipart body's parts are bounded by
 * {@code spring.webflux.multipart.max-parts}). Refusals and bodies that
 * cannot be decoded (bad percent-encoding, an unknown charset, broken multipart framing)
 * end the data's {@code Mono} with a {@link RequestDataRejectedException}, which WebFlux
 * answers with 400 instead of a 500.
 *
 * <p>The data is parsed by the exchange underneath and cached there, so the CSRF check,
 * filters outside the stack (Spring Security's form login) and the handler share one read
 * of the body.
 *
 * <p>Entries that give the rest of the chain another response, session or principal do
 * so with {@link #withResponse}, {@link #withSession} and {@link #withPrincipal}: a layer
 * beside this one, over the same exchange and request state, where {@code mutate()} would
 * stack a decorator per entry.
 */
public final class StackExchange extends ServerWebExchangeDecorator {

	private final RequestState state;

	private final ServerHttpResponse response;

	private final @Nullable Supplier<Mono<WebSession>> session;

	private final @Nullable Supplier<? extends Mono<? extends Principal>> principal;

	/**
	 * Decorates an exchange.
	 * @param delegate the exchange
	 * @param limits the limits its form and multipart data are read within
	 */
	public StackExchange(ServerWebExchange delegate, RequestDataLimits limits) {
		this(delegate, delegate.getResponse(), limits);
	}

	/**
	 * Decorates an exchange and gives it another response, in one layer (the composed
	 * stack's response decorator) instead of a mutated copy under this one.
	 * @param delegate the exchange
	 * @param response the response entries write to
	 * @param limits the limits its form and multipart data are read within
	 */
	public StackExchange(ServerWebExchange delegate, ServerHttpResponse response, RequestDataLimits limits) {
		super(delegate);
		this.state = new RequestState(limits);
		this.response = response;
		this.session = null;
		this.principal = null;
	}

	// a layer beside the given one, over the same exchange and request state
	private StackExchange(StackExchange layer, ServerHttpResponse response,
			@Nullable Supplier<Mono<WebSession>> session,
			@Nullable Supplier<? extends Mono<? extends Principal>> principal) {
		super(layer.getDelegate());
		this.state = layer.state;
		this.response = response;
		this.session = session;
		this.principal = principal;
	}

	/**
	 * The exchange with another response, as {@code exchange.mutate().response(response).build()}
	 * gives it. When the exchange is the stack's, the copy is another layer over the
	 * exchange underneath rather than a decorator of this one, so that entries decorating
	 * the response in turn leave the handler one exchange deep instead of one per entry
	 * (every attribute and request read walks that depth).
	 * @param exchange the exchange an entry was given
	 * @param response the response the rest of the chain writes to
	 * @return the exchange for the rest of the chain
	 */
	public static ServerWebExchange withResponse(ServerWebExchange exchange, ServerHttpResponse response) {
		if (exchange instanceof StackExchange stack) {
			return new StackExchange(stack, response, stack.session, stack.principal);
		}
		return exchange.mutate().response(response).build();
	}

	/**
	 * The exchange whose {@link #getSession()} is the given one, one layer deep as
	 * {@link #withResponse} is.
	 * @param exchange the exchange an entry was given
	 * @param session the session the rest of the chain gets
	 * @return the exchange for the rest of the chain
	 */
	public static ServerWebExchange withSession(ServerWebExchange exchange, Supplier<Mono<WebSession>> session) {
		if (exchange instanceof StackExchange stack) {
			return new StackExchange(stack, stack.response, session, stack.principal);
		}
		return new ServerWebExchangeDecorator(exchange) {

			@Override
			public Mono<WebSession> getSession() {
				return session.get();
			}

		};
	}

	/**
	 * The exchange whose {@link #getPrincipal()} is the given one, one layer deep as
	 * {@link #withResponse} is.
	 * @param exchange the exchange an entry was given
	 * @param principal the principal the rest of the chain gets
	 * @return the exchange for the rest of the chain
	 */
	public static ServerWebExchange withPrincipal(ServerWebExchange exchange,
			Supplier<? extends Mono<? extends Principal>> principal) {
		if (exchange instanceof StackExchange stack) {
			return new StackExchange(stack, stack.response, stack.session, principal);
		}
		return new ServerWebExchangeDecorator(exchange) {

			@Override
			@SuppressWarnings("unchecked")
			public <T extends Principal> Mono<T> getPrincipal() {
				return (Mono<T>) principal.get();
			}

		};
	}

	/**
	 * The stack's exchange under the given one, which is either it or an exchange that
	 * decorates it (entries pass on {@code mutate()}d copies, which are decorators).
	 * @param exchange the exchange an entry or the handler was given
	 * @return the stack's exchange, or {@code null} outside a composed stack
	 */
	public static @Nullable StackExchange find(ServerWebExchange exchange) {
		ServerWebExchange current = exchange;
		while (current instanceof ServerWebExchangeDecorator decorator) {
			if (decorator instanceof StackExchange stack) {
				return stack;
			}
			current = decorator.getDelegate();
		}
		return null;
	}

	@Nullable Object slot(int index) {
		return this.state.slot(index);
	}

	void slot(int index, @Nullable Object value) {
		this.state.slot(index, value);
	}

	@Override
	public ServerHttpResponse getResponse() {
		return this.response;
	}

	@Override
	public Mono<WebSession> getSession() {
		Supplier<Mono<WebSession>> session = this.session;
		return (session != null) ? session.get() : super.getSession();
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T extends Principal> Mono<T> getPrincipal() {
		Supplier<? extends Mono<? extends Principal>> principal = this.principal;
		return (principal != null) ? (Mono<T>) principal.get() : super.getPrincipal();
	}

	@Override
	public Mono<MultiValueMap<String, String>> getFormData() {
		RequestState state = this.state;
		Mono<MultiValueMap<String, String>> formData = state.formData;
		if (formData == null) {
			formData = Mono.defer(this::readFormData).cache();
			state.formData = formData;
		}
		return formData;
	}

	@Override
	public Mono<MultiValueMap<String, Part>> getMultipartData() {
		RequestState state = this.state;
		Mono<MultiValueMap<String, Part>> multipartData = state.multipartData;
		if (multipartData == null) {
			multipartData = Mono.defer(this::readMultipartData).cache();
			state.multipartData = multipartData;
		}
		return multipartData;
	}

	private Mono<MultiValueMap<String, String>> readFormData() {
		ServerHttpRequest request = getRequest();
		MediaType contentType = contentType(request);
		if (contentType == null || !MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(contentType)) {
			return getDelegate().getFormData();
		}
		// Django's HttpRequest.body: the declared length is checked before reading
		if (this.state.limits.tooBig(request.getHeaders().getContentLength())) {
			return Mono.error(RequestDataRejectedException.tooBig(this.state.limits.maxMemorySize()));
		}
		// parsed by the exchange underneath, so that every view of this request (filters
		// outside the stack, Spring Security's form login) shares one read of the body
		return getDelegate().getFormData()
			.onErrorMap(DataBufferLimitException.class,
					(ex) -> RequestDataRejectedException.tooBig(this.state.limits.maxMemorySize()))
			.onErrorMap(IllegalArgumentException.class,
					(ex) -> RequestDataRejectedException.malformed("invalid percent-encoding or charset in form data", ex))
			.map(this::checkFieldCount);
	}

	// Django's QueryDict: TooManyFieldsSent; and RequestDataTooBig for a body without a length
	private MultiValueMap<String, String> checkFieldCount(MultiValueMap<String, String> form) {
		long fields = 0;
		long size = 0;
		for (Map.Entry<String, List<String>> field : form.entrySet()) {
			fields += field.getValue().size();
			for (String value : field.getValue()) {
				size += field.getKey().length() + 1 + ((value != null) ? value.length() : 0);
			}
		}
		if (this.state.limits.tooManyFields(fields)) {
			throw RequestDataRejectedException.tooManyFields(this.state.limits.maxNumberFields());
		}
		// a body without a length, read within the codecs' limit but over ours
		if (this.state.limits.tooBig(size)) {
			throw RequestDataRejectedException.tooBig(this.state.limits.maxMemorySize());
		}
		return form;
	}

	private Mono<MultiValueMap<String, Part>> readMultipartData() {
		ServerHttpRequest request = getRequest();
		MediaType contentType = contentType(request);
		if (contentType == null || !MediaType.MULTIPART_FORM_DATA.isCompatibleWith(contentType)) {
			return getDelegate().getMultipartData();
		}
		return getDelegate().getMultipartData()
			.map(this::checkCounts)
			.onErrorMap(DataBufferLimitException.class,
					(ex) -> RequestDataRejectedException.tooBig(this.state.limits.maxMemorySize()))
			.onErrorMap(DecodingException.class,
					(ex) -> RequestDataRejectedException.malformed("unreadable multipart body", ex))
			.switchIfEmpty(Mono.fromSupplier(() -> CollectionUtils.unmodifiableMultiValueMap(new LinkedMultiValueMap<>())));
	}

	private MultiValueMap<String, Part> checkCounts(MultiValueMap<String, Part> parts) {
		long files = 0;
		long fields = 0;
		long fieldBytes = 0;
		for (List<Part> values : parts.values()) {
			for (Part part : values) {
				if (part instanceof FilePart) {
					files++;
				}
				else {
					fields++;
					if (part instanceof FormFieldPart field) {
						fieldBytes += field.value().length();
					}
				}
			}
		}
		if (this.state.limits.tooManyFiles(files)) {
			throw RequestDataRejectedException.tooManyFiles(this.state.limits.maxNumberFiles());
		}
		if (this.state.limits.tooManyFields(fields)) {
			throw RequestDataRejectedException.tooManyFields(this.state.limits.maxNumberFields());
		}
		if (this.state.limits.tooBig(fieldBytes)) {
			throw RequestDataRejectedException.tooBig(this.state.limits.maxMemorySize());
		}
		return parts;
	}

	private static @Nullable MediaType contentType(ServerHttpRequest request) {
		try {
			return request.getHeaders().getContentType();
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/**
	 * What every layer of one request's stack exchange shares: the entries' request state
	 * and the form and multipart data, read once.
	 */
	private static final class RequestState {

		private final RequestDataLimits limits;

		// by slot index (RequestSlot); a request is handled by one thread at a time, with
		// Reactor's hand-offs between them, as the exchange's other fields
		private @Nullable Object[] slots = new Object[RequestSlot.declaredCount()];

		// made on first use: most requests never read a body. A race makes two of them at
		// most, both over the delegate's own cached parse.
		private volatile @Nullable Mono<MultiValueMap<String, String>> formData;

		private volatile @Nullable Mono<MultiValueMap<String, Part>> multipartData;

		RequestState(RequestDataLimits limits) {
			this.limits = limits;
		}

		@Nullable Object slot(int index) {
			Object[] slots = this.slots;
			return (index < slots.length) ? slots[index] : null;
		}

		void slot(int index, @Nullable Object value) {
			if (index >= this.slots.length) {
				// a slot declared after this request began (its class initialised late)
				this.slots = Arrays.copyOf(this.slots, Math.max(index + 1, RequestSlot.declaredCount()));
			}
			this.slots[index] = value;
		}

	}

}
