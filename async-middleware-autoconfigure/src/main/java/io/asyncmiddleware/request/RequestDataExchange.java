package io.asyncmiddleware.request;

import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.core.ResolvableType;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.http.codec.multipart.DefaultPartHttpMessageReader;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.MultipartHttpMessageReader;
import org.springframework.http.codec.multipart.Part;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.util.CollectionUtils;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebExchangeDecorator;

/**
 * An exchange whose form and multipart data are read within {@link RequestDataLimits},
 * as Django's {@code HttpRequest} reads {@code request.POST}: a form body whose
 * {@code Content-Length} is over the limit is refused before a byte of it is read, one
 * without a length (chunked) as soon as it grows over it, and a multipart body stops
 * being parsed at the first part over the field or file count. Refusals and bodies that
 * cannot be decoded (bad percent-encoding, an unknown charset, broken multipart framing)
 * end the data's {@code Mono} with a {@link RequestDataRejectedException}, which WebFlux
 * answers with 400 instead of a 500.
 *
 * <p>Each is read once and cached, as {@code DefaultServerWebExchange} does, so a filter
 * reading the CSRF token and the handler after it share one parse.
 */
public final class RequestDataExchange extends ServerWebExchangeDecorator {

	private static final ResolvableType MULTIPART_DATA_TYPE = ResolvableType.forClassWithGenerics(MultiValueMap.class,
			String.class, Part.class);

	private final RequestDataLimits limits;

	private final Mono<MultiValueMap<String, String>> formData;

	private final Mono<MultiValueMap<String, Part>> multipartData;

	/**
	 * Decorates an exchange.
	 * @param delegate the exchange
	 * @param limits the limits its form and multipart data are read within
	 */
	public RequestDataExchange(ServerWebExchange delegate, RequestDataLimits limits) {
		super(delegate);
		this.limits = limits;
		this.formData = Mono.defer(this::readFormData).cache();
		this.multipartData = Mono.defer(this::readMultipartData).cache();
	}

	@Override
	public Mono<MultiValueMap<String, String>> getFormData() {
		return this.formData;
	}

	@Override
	public Mono<MultiValueMap<String, Part>> getMultipartData() {
		return this.multipartData;
	}

	private Mono<MultiValueMap<String, String>> readFormData() {
		ServerHttpRequest request = getRequest();
		MediaType contentType = contentType(request);
		if (contentType == null || !MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(contentType)) {
			return getDelegate().getFormData();
		}
		// Django's HttpRequest.body: the declared length is checked before reading
		if (this.limits.tooBig(request.getHeaders().getContentLength())) {
			return Mono.error(RequestDataRejectedException.tooBig(this.limits.maxMemorySize()));
		}
		Charset charset;
		try {
			Charset declared = contentType.getCharset();
			charset = (declared != null) ? declared : StandardCharsets.UTF_8;
		}
		catch (IllegalArgumentException ex) {
			return Mono.error(RequestDataRejectedException.malformed("unsupported charset", ex));
		}
		return DataBufferUtils.join(request.getBody(), this.limits.joinLimit())
			.onErrorMap(DataBufferLimitException.class,
					(ex) -> RequestDataRejectedException.tooBig(this.limits.maxMemorySize()))
			.map((buffer) -> {
				try {
					return parseForm(buffer.toString(charset), charset);
				}
				finally {
					DataBufferUtils.release(buffer);
				}
			})
			.switchIfEmpty(Mono.fromSupplier(() -> CollectionUtils.unmodifiableMultiValueMap(new LinkedMultiValueMap<>())));
	}

	// Django's QueryDict (Python's parse_qsl): fields counted before any is decoded
	private MultiValueMap<String, String> parseForm(String body, Charset charset) {
		if (this.limits.maxNumberFields() >= 0) {
			long fields = 1 + body.chars().filter((c) -> c == '&').count();
			if (this.limits.tooManyFields(fields)) {
				throw RequestDataRejectedException.tooManyFields(this.limits.maxNumberFields());
			}
		}
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		try {
			for (String pair : body.split("&")) {
				if (pair.isEmpty()) {
					continue;
				}
				int equals = pair.indexOf('=');
				if (equals == -1) {
					form.add(URLDecoder.decode(pair, charset), null);
				}
				else {
					form.add(URLDecoder.decode(pair.substring(0, equals), charset),
							URLDecoder.decode(pair.substring(equals + 1), charset));
				}
			}
		}
		catch (IllegalArgumentException ex) {
			throw RequestDataRejectedException.malformed("invalid percent-encoding in form data", ex);
		}
		return CollectionUtils.unmodifiableMultiValueMap(form);
	}

	private Mono<MultiValueMap<String, Part>> readMultipartData() {
		ServerHttpRequest request = getRequest();
		MediaType contentType = contentType(request);
		if (contentType == null || !MediaType.MULTIPART_FORM_DATA.isCompatibleWith(contentType)) {
			return getDelegate().getMultipartData();
		}
		return multipartReader().readMono(MULTIPART_DATA_TYPE, request, Map.of())
			.map(this::checkCounts)
			.onErrorMap(DataBufferLimitException.class,
					(ex) -> RequestDataRejectedException.tooBig(this.limits.maxMemorySize()))
			.onErrorMap(DecodingException.class,
					(ex) -> RequestDataRejectedException.malformed("unreadable multipart body", ex))
			.switchIfEmpty(Mono.fromSupplier(() -> CollectionUtils.unmodifiableMultiValueMap(new LinkedMultiValueMap<>())));
	}

	// parsing stops at the first part over both counts; which count it broke is told here
	private MultipartHttpMessageReader multipartReader() {
		DefaultPartHttpMessageReader parts = new DefaultPartHttpMessageReader();
		if (this.limits.maxNumberFields() >= 0 && this.limits.maxNumberFiles() >= 0) {
			parts.setMaxParts(this.limits.maxNumberFields() + this.limits.maxNumberFiles());
		}
		if (this.limits.maxMemorySize() >= 0) {
			parts.setMaxInMemorySize(this.limits.joinLimit());
		}
		return new MultipartHttpMessageReader(parts);
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
		if (this.limits.tooManyFiles(files)) {
			throw RequestDataRejectedException.tooManyFiles(this.limits.maxNumberFiles());
		}
		if (this.limits.tooManyFields(fields)) {
			throw RequestDataRejectedException.tooManyFields(this.limits.maxNumberFields());
		}
		if (this.limits.tooBig(fieldBytes)) {
			throw RequestDataRejectedException.tooBig(this.limits.maxMemorySize());
		}
		return parts;
	}

	private static @org.jspecify.annotations.Nullable MediaType contentType(ServerHttpRequest request) {
		try {
			return request.getHeaders().getContentType();
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

}
