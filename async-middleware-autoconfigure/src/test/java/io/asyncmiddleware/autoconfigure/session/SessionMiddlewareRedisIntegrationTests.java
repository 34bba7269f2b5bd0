package io.asyncmiddleware.autoconfigure.session;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import io.asyncmiddleware.middleware.auth.SessionAuthHash;
import io.asyncmiddleware.middleware.auth.SessionAuthenticationWebFilter;
import io.asyncmiddleware.middleware.auth.SessionLogin;
import io.asyncmiddleware.middleware.session.TestServer;
import io.asyncmiddleware.middleware.session.redis.SessionJsonRedisSerializer;
import io.asyncmiddleware.stack.BuiltInMiddleware;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration;
import org.springframework.boot.session.autoconfigure.SessionAutoConfiguration;
import org.springframework.boot.session.data.redis.autoconfigure.SessionDataRedisAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableReactiveWebApplicationContext;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.serializer.JdkSerializationRedisSerializer;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The {@code session} entry over a real Redis at 127.0.0.1:6379 through Spring Boot's
 * Spring Session Data Redis auto-configuration (Lettuce, reactive). Skipped when no
 * Redis is reachable.
 */
class SessionMiddlewareRedisIntegrationTests {

	private static final String DELETION = "sessionid=\"\"; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/; SameSite=Lax";

	private final String namespace = "async-middleware-test:" + UUID.randomUUID();

	private final ReactiveWebApplicationContextRunner contextRunner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SessionMiddlewareAutoConfiguration.class,
				SessionDataRedisAutoConfiguration.class, SessionAutoConfiguration.class, DataRedisAutoConfiguration.class,
				DataRedisReactiveAutoConfiguration.class))
		.withBean(ServerProperties.class)
		.withPropertyValues("spring.data.redis.host=127.0.0.1", "spring.data.redis.port=6379",
				"spring.session.data.redis.namespace=" + this.namespace);

	private static String redisUnreachable;

	@BeforeAll
	static void probeRedis() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", 6379), 500);
		}
		catch (IOException ex) {
			redisUnreachable = ex.toString();
		}
	}

	@BeforeEach
	void requireRedis() {
		// per test, so that each shows as skipped with the reason
		assumeTrue(redisUnreachable == null, () -> "Redis is not reachable at 127.0.0.1:6379 (" + redisUnreachable
				+ "): skipping the Redis session tests; CI runs them against its Redis service");
	}

	@Test
	@DisplayName("SES-redis: a written session is stored in Redis under Spring Session's key, with Django's cookie")
	void sessionIsStoredInRedis() {
		run((context, server, redis) -> {
			EntityExchangeResult<String> result = get(server, "/increment/");
			assertThat(result.getResponseBody()).isEqualTo("1");
			String key = TestServer.sessionKey(result.getResponseHeaders());
			assertThat(result.getResponseHeaders().getFirst(HttpHeaders.SET_COOKIE)).contains("; Max-Age=1209600; Path=/; SameSite=Lax");
			assertThat(redis.hasKey(redisKey(key)).block()).isTrue();
			Duration ttl = redis.getExpire(redisKey(key)).block();
			assertThat(ttl).isGreaterThan(Duration.ofDays(13)).isLessThanOrEqualTo(Duration.ofSeconds(1209600));
			assertThat(get(server, "/increment/", key).getResponseBody()).isEqualTo("2");
		});
	}

	@Test
	@DisplayName("SES-12-redis: cycling the key renames the session in Redis; the old key is gone")
	void cycleKeyInRedis() {
		run((context, server, redis) -> {
			String key = TestServer.sessionKey(get(server, "/increment/").getResponseHeaders());
			EntityExchangeResult<String> cycled = get(server, "/cycle/", key);
			String newKey = TestServer.sessionKey(cycled.getResponseHeaders());
			assertThat(newKey).isNotNull().isNotEqualTo(key);
			assertThat(redis.hasKey(redisKey(key)).block()).isFalse();
			assertThat(redis.hasKey(redisKey(newKey)).block()).isTrue();
			assertThat(get(server, "/increment/", newKey).getResponseBody()).isEqualTo("2");
			EntityExchangeResult<String> old = get(server, "/read/", key);
			assertThat(old.getResponseBody()).isEqualTo("none");
			assertThat(old.getResponseHeaders().get(HttpHeaders.SET_COOKIE)).containsExactly(DELETION);
		});
	}

	@Test
	@DisplayName("SES-06-redis: flush deletes the session from Redis and the cookie from the browser")
	void flushDeletesFromRedis() {
		run((context, server, redis) -> {
			String key = TestServer.sessionKey(get(server, "/increment/").getResponseHeaders());
			EntityExchangeResult<String> flushed = get(server, "/flush/", key);
			assertThat(flushed.getResponseHeaders().get(HttpHeaders.SET_COOKIE)).containsExactly(DELETION);
			assertThat(redis.hasKey(redisKey(key)).block()).isFalse();
		});
	}

	@Test
	@DisplayName("SES-15-redis: an unknown key is not adopted: a new key is stored instead")
	void unknownKeyNotAdopted() {
		run((context, server, redis) -> {
			String chosen = "attacker-chosen-key-0123456789";
			String key = TestServer.sessionKey(get(server, "/increment/", chosen).getResponseHeaders());
			assertThat(key).isNotEqualTo(chosen);
			assertThat(redis.hasKey(redisKey(chosen)).block()).isFalse();
			assertThat(redis.hasKey(redisKey(key)).block()).isTrue();
		});
	}

	@Test
	@DisplayName("AUTH-03-redis: the logged-in user survives Redis serialization; a password change flushes the session in Redis")
	void loginOverRedis() {
		MapReactiveUserDetailsService users = new MapReactiveUserDetailsService(
				User.withUsername("alice").password("{noop}wonderland").roles("USER").build());
		SessionLogin sessionLogin = new SessionLogin(users, new SessionAuthHash("redis-test".getBytes(StandardCharsets.UTF_8)));
		RouterFunction<ServerResponse> routes = RouterFunctions.route()
			.GET("/login/", (request) -> users.findByUsername("alice")
				.map((user) -> UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()))
				.flatMap((user) -> sessionLogin.login(request.exchange(), user))
				.then(ServerResponse.ok().bodyValue("logged in")))
			.GET("/whoami/", (request) -> ReactiveSecurityContextHolder.getContext()
				.map((context) -> context.getAuthentication().getName())
				.flatMap((name) -> ServerResponse.ok().bodyValue(name)))
			.build();
		run(routes, (entry) -> List.of(entry, new SessionAuthenticationWebFilter(sessionLogin, null, "/accounts/login/")),
				(context, server, redis) -> {
					String key = TestServer.sessionKey(get(server, "/login/").getResponseHeaders());
					assertThat(redis.hasKey(redisKey(key)).block()).isTrue();
					assertThat(get(server, "/whoami/", key).getResponseBody()).isEqualTo("alice");
					users.updatePassword(users.findByUsername("alice").block(), "{noop}looking-glass").block();
					EntityExchangeResult<String> after = get(server, "/whoami/", key);
					assertThat(after.getResponseBody()).isEqualTo("anonymousUser");
					assertThat(after.getResponseHeaders().get(HttpHeaders.SET_COOKIE)).containsExactly(DELETION);
					assertThat(redis.hasKey(redisKey(key)).block()).isFalse();
				});
	}

	@Test
	@DisplayName("SES-json-redis: the logged-in user's security context is stored as JSON, never Java serialization")
	void securityContextIsStoredAsJson() {
		MapReactiveUserDetailsService users = new MapReactiveUserDetailsService(
				User.withUsername("alice").password("{noop}wonderland").roles("USER").build());
		SessionLogin sessionLogin = new SessionLogin(users, new SessionAuthHash("redis-test".getBytes(StandardCharsets.UTF_8)));
		RouterFunction<ServerResponse> routes = RouterFunctions.route()
			.GET("/login/", (request) -> users.findByUsername("alice")
				.map((user) -> UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()))
				.flatMap((user) -> sessionLogin.login(request.exchange(), user))
				.then(request.session())
				.doOnNext((session) -> session.getAttributes().put("csrf-secret", "s3cr3t"))
				.then(ServerResponse.ok().bodyValue("logged in")))
			.GET("/whoami/", (request) -> ReactiveSecurityContextHolder.getContext()
				.map((context) -> context.getAuthentication().getName() + " "
						+ context.getAuthentication().getAuthorities())
				.zipWith(request.session().map((session) -> session.getAttributeOrDefault("csrf-secret", "none")))
				.flatMap((both) -> ServerResponse.ok().bodyValue(both.getT1() + " " + both.getT2())))
			.build();
		run(routes, (entry) -> List.of(entry, new SessionAuthenticationWebFilter(sessionLogin, null, "/accounts/login/")),
				(context, server, redis) -> {
					String key = TestServer.sessionKey(get(server, "/login/").getResponseHeaders());
					String stored = redis.<String, String>opsForHash()
						.get(redisKey(key), "sessionAttr:SPRING_SECURITY_CONTEXT")
						.block();
					assertThat(stored).startsWith("{")
						.contains("\"@class\":\"org.springframework.security.core.context.SecurityContextImpl\"")
						.contains("\"alice\"")
						.doesNotContain("wonderland");
					assertThat(get(server, "/whoami/", key).getResponseBody()).isEqualTo("alice [ROLE_USER] s3cr3t");
				});
	}

	@Test
	@DisplayName("SES-json-redis: a stored type outside the allow-list makes a fresh anonymous session, not a 500 nor the object")
	void typeOutsideTheAllowListIsNoSession() {
		run((context, server, redis) -> {
			String key = "hostile-session-key-0123456789";
			writeSession(redis, key, "{\"@class\":\"java.net.URL\",\"val\":\"http://attacker.example/\"}");
			EntityExchangeResult<String> result = get(server, "/increment/", key);
			assertThat(result.getStatus().value()).isEqualTo(200);
			assertThat(result.getResponseBody()).isEqualTo("1");
			String fresh = TestServer.sessionKey(result.getResponseHeaders());
			assertThat(fresh).isNotNull().isNotEqualTo(key);
			assertThat(redis.<String, String>opsForHash().get(redisKey(fresh), "sessionAttr:n").block())
				.isEqualTo("1");
		});
	}

	@Test
	@DisplayName("SES-json-redis: a session written by Java serialization (before an upgrade, or forged) is no session, not a 500")
	void javaSerializedSessionIsNoSession() {
		run((context, server, redis) -> {
			String key = "java-serialized-key-0123456789";
			JdkSerializationRedisSerializer java = new JdkSerializationRedisSerializer();
			Map<ByteBuffer, ByteBuffer> hash = new LinkedHashMap<>();
			hash.put(bytes("creationTime"), ByteBuffer.wrap(java.serialize(System.currentTimeMillis())));
			hash.put(bytes("lastAccessedTime"), ByteBuffer.wrap(java.serialize(System.currentTimeMillis())));
			hash.put(bytes("maxInactiveInterval"), ByteBuffer.wrap(java.serialize(1209600)));
			hash.put(bytes("sessionAttr:n"), ByteBuffer.wrap(java.serialize(41)));
			ReactiveRedisConnectionFactory connections = context.getBean(ReactiveRedisConnectionFactory.class);
			connections.getReactiveConnection().hashCommands().hMSet(bytes(redisKey(key)), hash).block();
			EntityExchangeResult<String> read = get(server, "/read/", key);
			assertThat(read.getStatus().value()).isEqualTo(200);
			assertThat(read.getResponseBody()).isEqualTo("none");
			assertThat(read.getResponseHeaders().get(HttpHeaders.SET_COOKIE)).containsExactly(DELETION);
			assertThat(get(server, "/increment/", key).getResponseBody()).isEqualTo("1");
		});
	}

	@Test
	@DisplayName("SES-json-redis: the application's own springSessionDefaultRedisSerializer bean wins")
	void applicationSerializerWins() {
		JdkSerializationRedisSerializer own = new JdkSerializationRedisSerializer();
		this.contextRunner.withBean("springSessionDefaultRedisSerializer", RedisSerializer.class, () -> own)
			.run((context) -> assertThat(context.getBean("springSessionDefaultRedisSerializer")).isSameAs(own));
		this.contextRunner.run((context) -> assertThat(context.getBean("springSessionDefaultRedisSerializer"))
			.isInstanceOf(SessionJsonRedisSerializer.class));
	}

	// a session hash as Spring Session writes it, with one attribute of the given JSON
	private void writeSession(ReactiveStringRedisTemplate redis, String key, String attributeJson) {
		long now = System.currentTimeMillis();
		Map<String, String> hash = new LinkedHashMap<>();
		hash.put("creationTime", "[\"java.lang.Long\"," + now + "]");
		hash.put("lastAccessedTime", "[\"java.lang.Long\"," + now + "]");
		hash.put("maxInactiveInterval", "1209600");
		hash.put("sessionAttr:n", attributeJson);
		redis.<String, String>opsForHash().putAll(redisKey(key), hash).block();
	}

	private static ByteBuffer bytes(String text) {
		return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
	}

	private String redisKey(String sessionKey) {
		return this.namespace + ":sessions:" + sessionKey;
	}

	private void run(RedisTest test) {
		run(routes(), List::of, test);
	}

	private void run(RouterFunction<ServerResponse> routes, Function<WebFilter, List<WebFilter>> filters,
			RedisTest test) {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			ReactiveStringRedisTemplate redis = context.getBean(ReactiveStringRedisTemplate.class);
			// connect on this thread, not on the first request's event loop
			assertThat(redis.hasKey("warm-up").block()).isFalse();
			BuiltInMiddleware entry = context.getBean(BuiltInMiddleware.class);
			try (TestServer server = TestServer.start(routes, filters.apply(entry.filterFactory().get()))) {
				test.run(context, server, redis);
			}
			finally {
				List<String> keys = redis.keys(this.namespace + ":*").collectList().block();
				if (keys != null && !keys.isEmpty()) {
					redis.delete(keys.toArray(String[]::new)).block();
				}
			}
		});
	}

	private static EntityExchangeResult<String> get(TestServer server, String path, String... key) {
		return server.client()
			.get()
			.uri(path)
			.headers((headers) -> {
				if (key.length > 0) {
					headers.add(HttpHeaders.COOKIE, "sessionid=" + key[0]);
				}
			})
			.exchange()
			.expectBody(String.class)
			.returnResult();
	}

	private static RouterFunction<ServerResponse> routes() {
		return RouterFunctions.route()
			.GET("/increment/", (request) -> request.session().flatMap((session) -> {
				Integer n = session.getAttributeOrDefault("n", 0) + 1;
				session.getAttributes().put("n", n);
				return ServerResponse.ok().bodyValue(n.toString());
			}))
			.GET("/read/", (request) -> request.session()
				.flatMap((session) -> ServerResponse.ok().bodyValue(String.valueOf(session.getAttributeOrDefault("n", "none")))))
			.GET("/cycle/", (request) -> request.session().flatMap(WebSession::changeSessionId).then(ServerResponse.ok().bodyValue("cycled")))
			.GET("/flush/", (request) -> request.session().flatMap(WebSession::invalidate).then(ServerResponse.ok().bodyValue("flushed")))
			.build();
	}

	@FunctionalInterface
	private interface RedisTest {

		void run(AssertableReactiveWebApplicationContext context, TestServer server, ReactiveStringRedisTemplate redis);

	}

}
