package io.asyncmiddleware.middleware.messages;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import io.asyncmiddleware.middleware.CookieSettings;
import reactor.core.publisher.Mono;

import org.springframework.boot.web.server.Cookie.SameSite;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.WebFilter;

/**
 * Routes that add and show messages, and a client that keeps cookies like a browser.
 */
final class MessagesTestApp {

	static final byte[] KEY = "a test signing key that is long enough".getBytes(StandardCharsets.UTF_8);

	static final CookieSettings DEFAULT_COOKIE = new CookieSettings("messages", null, "/",
			false, true, SameSite.LAX);

	private MessagesTestApp() {
	}

	static CookieMessageStorage cookieStorage(CookieSettings cookie) {
		return new CookieMessageStorage(MessageTags.defaults(), new MessageSigner(KEY), cookie);
	}

	static MessagesWebFilter fallbackFilter() {
		return new MessagesWebFilter(new FallbackMessageStorage(cookieStorage(DEFAULT_COOKIE),
				new SessionMessageStorage(MessageTags.defaults())), Level.INFO, MessageTags.defaults());
	}

	static MessagesWebFilter cookieFilter() {
		return new MessagesWebFilter(cookieStorage(DEFAULT_COOKIE), Level.INFO, MessageTags.defaults());
	}

	static MessagesWebFilter sessionFilter() {
		return new MessagesWebFilter(new SessionMessageStorage(MessageTags.defaults()), Level.INFO,
				MessageTags.defaults());
	}

	static Browser browser(WebFilter... filters) {
		return new Browser(WebTestClient.bindToRouterFunction(routes()).webFilter(filters).build());
	}

	/** Deterministic text that does not repeat, of the given length. */
	static List<String> randomTexts(int count, int length) {
		Random random = new Random(42);
		String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
		List<String> texts = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			StringBuilder text = new StringBuilder(length);
			for (int j = 0; j < length; j++) {
				text.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
			texts.add(text.toString());
		}
		return texts;
	}

	static RouterFunction<ServerResponse> routes() {
		return RouterFunctions.route()
			// adds each 'text' at 'level' (default info) with 'tags', then redirects to the list
			.route((request) -> request.path().equals("/messages/add/"), MessagesTestApp::add)
			.GET("/messages/add-body/", (request) -> params(request).flatMap((params) -> {
				addAll(request, params);
				return ServerResponse.ok().bodyValue("added");
			}))
			.GET("/messages/show/", (request) -> show(request, MessagesTestApp::text))
			.GET("/messages/detail/", (request) -> show(request, MessagesTestApp::detail))
			.GET("/messages/count/", (request) -> Messages.of(request.exchange())
				.count()
				.flatMap((count) -> ServerResponse.ok().bodyValue(String.valueOf(count))))
			.GET("/messages/read-then-add/", (request) -> {
				Messages messages = Messages.of(request.exchange());
				return messages.read().map(Message::text).collectList().flatMap((texts) -> {
					messages.info(request.queryParam("text").orElseThrow());
					return ServerResponse.ok().bodyValue(lines(texts));
				});
			})
			.GET("/messages/add-then-read/", (request) -> {
				Messages messages = Messages.of(request.exchange());
				messages.info(request.queryParam("text").orElseThrow());
				return messages.read()
					.map(Message::text)
					.collectList()
					.flatMap((texts) -> ServerResponse.ok().bodyValue(lines(texts)));
			})
			// Django's add_level_messages, optionally after set_level
			.GET("/messages/levels/", (request) -> {
				Messages messages = Messages.of(request.exchange());
				request.queryParam("level").map(Level::valueOf).ifPresent(messages::setLevel);
				messages.add(Level.of(29), "A custom level message");
				messages.debug("A debugging message");
				messages.info("An informational message");
				messages.success("A success message");
				messages.warning("A warning message");
				messages.error("An error message");
				return redirectToDetail();
			})
			.GET("/messages/silent/", (request) -> {
				Messages messages = Messages.of(request.exchange(), true);
				messages.error("lost");
				return messages.count().flatMap((count) -> ServerResponse.ok().bodyValue("silent " + count));
			})
			.GET("/messages/strict/", (request) -> {
				Messages.of(request.exchange()).info("needs the entry");
				return ServerResponse.ok().bodyValue("unreachable");
			})
			.GET("/messages/empty-response/", (request) -> {
				Messages.of(request.exchange()).info(request.queryParam("text").orElseThrow());
				return Mono.fromRunnable(() -> request.exchange().getResponse().setStatusCode(HttpStatus.ACCEPTED))
					.then(Mono.<ServerResponse>empty());
			})
			.GET("/messages/add-then-fail/", (request) -> params(request).flatMap((params) -> {
				addAll(request, params);
				return Mono.error(new IllegalStateException("handler failed after adding messages"));
			}))
			.GET("/plain/", (request) -> ServerResponse.ok().bodyValue("plain"))
			.GET("/session/has-messages/", (request) -> request.session()
				.flatMap((session) -> ServerResponse.ok()
					.bodyValue(String.valueOf(session.getAttributes().containsKey(SessionMessageStorage.ATTRIBUTE)))))
			.build();
	}

	private static Mono<ServerResponse> add(ServerRequest request) {
		return params(request).flatMap((params) -> {
			addAll(request, params);
			return ServerResponse.status(HttpStatus.FOUND).location(URI.create("/messages/show/")).build();
		});
	}

	private static void addAll(ServerRequest request, MultiValueMap<String, String> params) {
		Messages messages = Messages.of(request.exchange());
		Level level = Level.valueOf(params.getOrDefault("level", List.of("info")).get(0));
		String tags = params.getFirst("tags");
		for (String text : params.getOrDefault("text", List.of())) {
			messages.add(level, text, tags);
		}
	}

	private static Mono<MultiValueMap<String, String>> params(ServerRequest request) {
		Mono<MultiValueMap<String, String>> form = request.headers()
			.contentType()
			.filter(MediaType.APPLICATION_FORM_URLENCODED::isCompatibleWith)
			.map((type) -> request.formData())
			.orElse(Mono.just(new LinkedMultiValueMap<>()));
		return form.map((formData) -> {
			MultiValueMap<String, String> all = new LinkedMultiValueMap<>(request.queryParams());
			formData.forEach(all::addAll);
			return all;
		});
	}

	private static Mono<ServerResponse> redirectToDetail() {
		return ServerResponse.status(HttpStatus.FOUND).location(URI.create("/messages/detail/")).build();
	}

	private static Mono<ServerResponse> show(ServerRequest request,
			java.util.function.Function<Message, String> format) {
		return Messages.of(request.exchange())
			.read()
			.map(format)
			.collectList()
			.flatMap((lines) -> ServerResponse.ok().bodyValue(lines(lines)));
	}

	private static String text(Message message) {
		return message.text();
	}

	private static String detail(Message message) {
		return message.level() + " [" + message.tags() + "] " + message.text();
	}

	private static String lines(List<String> lines) {
		return lines.stream().map((line) -> line + "\n").collect(Collectors.joining());
	}

	/**
	 * Sends the cookies it was given back, as a browser does.
	 */
	static final class Browser {

		private final WebTestClient client;

		private final Map<String, String> cookies = new LinkedHashMap<>();

		Browser(WebTestClient client) {
			this.client = client;
		}

		WebTestClient client() {
			return this.client;
		}

		Map<String, String> cookies() {
			return this.cookies;
		}

		EntityExchangeResult<String> get(String uri) {
			WebTestClient.RequestHeadersSpec<?> request = this.client.get().uri(uri);
			this.cookies.forEach(request::cookie);
			return remember(request.exchange().expectBody(String.class).returnResult());
		}

		EntityExchangeResult<String> post(String uri, MultiValueMap<String, String> form) {
			WebTestClient.RequestHeadersSpec<?> request = this.client.post()
				.uri(uri)
				.body(BodyInserters.fromFormData(form));
			this.cookies.forEach(request::cookie);
			return remember(request.exchange().expectBody(String.class).returnResult());
		}

		EntityExchangeResult<String> addAndFollow(String... texts) {
			MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
			form.put("text", List.of(texts));
			EntityExchangeResult<String> added = post("/messages/add/", form);
			if (added.getStatus().value() != 302) {
				throw new IllegalStateException("expected a redirect, got " + added.getStatus());
			}
			return added;
		}

		String show() {
			String body = get("/messages/show/").getResponseBody();
			return (body != null) ? body : "";
		}

		// reads the Set-Cookie headers themselves: deletions are written as Django writes them
		private EntityExchangeResult<String> remember(EntityExchangeResult<String> result) {
			for (String header : setCookies(result)) {
				String pair = header.split(";", 2)[0];
				String name = pair.substring(0, pair.indexOf('='));
				if (header.toLowerCase(java.util.Locale.ROOT).contains("max-age=0")) {
					this.cookies.remove(name);
				}
				else {
					this.cookies.put(name, pair.substring(pair.indexOf('=') + 1));
				}
			}
			return result;
		}

	}

	static List<String> setCookies(EntityExchangeResult<?> result) {
		return result.getResponseHeaders().getOrEmpty(HttpHeaders.SET_COOKIE);
	}

	static List<String> setCookies(EntityExchangeResult<?> result, String name) {
		return setCookies(result).stream().filter((header) -> header.startsWith(name + "=")).toList();
	}

}
