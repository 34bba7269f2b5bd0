package io.asyncmiddleware.sample;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.serializer.JdkSerializationRedisSerializer;
import org.springframework.http.HttpHeaders;
import org.springframework.session.ReactiveSessionRepository;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code production} profile against the real servers: sessions are Redis hashes,
 * survive a restart of the application, and are shared by two instances on two ports;
 * alice is read from PostgreSQL. Skipped when Redis or PostgreSQL is unreachable.
 */
@ProductionServers.Required
class RedisSessionTests {

	private static final String[] PRODUCTION = { "production" };

	private static RedisClient redis;

	private static StatefulRedisConnection<String, String> connection;

	@BeforeAll
	static void connectToRedis() {
		redis = RedisClient.create("redis://" + ProductionServers.REDIS_HOST + ":" + ProductionServers.REDIS_PORT);
		connection = redis.connect();
	}

	@AfterAll
	static void disconnect() {
		connection.close();
		redis.shutdown();
	}

	@Test
	void sessionIsARedisHashWithTheCookieAgeAsTtl() {
		try (RunningApp app = start()) {
			assertThat(app.context().getBean(ReactiveSessionRepository.class).getClass().getName())
				.contains("Redis");
			String key = sessionOf(count(app.client(), null, "1"));
			String redisKey = "spring:session:sessions:" + key;
			assertThat(connection.sync().exists(redisKey)).isEqualTo(1);
			assertThat(connection.sync().hkeys(redisKey)).contains("sessionAttr:n");
			// JSON through the starter's allow-listed serializer, not Java serialization
			assertThat(connection.sync().hget(redisKey, "sessionAttr:n")).isEqualTo("1");
			assertThat(connection.sync().ttl(redisKey)).isBetween(1_209_000L, 1_209_600L);
		}
	}

	@Test
	void sessionSurvivesARestart() {
		String key;
		try (RunningApp first = start()) {
			key = sessionOf(count(first.client(), null, "1"));
			count(first.client(), key, "2");
		}
		try (RunningApp second = start()) {
			count(second.client(), key, "3");
		}
	}

	@Test
	void twoInstancesShareSessionsAndLogins() {
		try (RunningApp one = start(); RunningApp two = start()) {
			assertThat(one.port()).isNotEqualTo(two.port());
			String key = sessionOf(count(one.client(), null, "1"));
			count(two.client(), key, "2");
			count(one.client(), key, "3");
			String session = login(one.client());
			EntityExchangeResult<byte[]> whoami = two.client()
				.get()
				.uri("/whoami/")
				.header(HttpHeaders.COOKIE, "sessionid=" + session)
				.exchange()
				.expectBody()
				.returnResult();
			assertThat(ParityRoutesTests.body(whoami)).isEqualTo("alice");
			assertThat(connection.sync().hget("spring:session:sessions:" + session, "sessionAttr:SPRING_SECURITY_CONTEXT"))
				.startsWith("{")
				.contains("\"username\":\"alice\"")
				.doesNotContain("bcrypt");
		}
	}

	@Test
	void sessionOfAnotherSerializerIsANewSessionNotAnError() {
		try (RunningApp app = start()) {
			String key = sessionOf(count(app.client(), null, "1"));
			// what Java serialization wrote before the upgrade (or a forged value): AC ED ...
			StatefulRedisConnection<String, byte[]> raw = redis.connect(
					RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
			try (raw) {
				raw.sync().hset("spring:session:sessions:" + key, "sessionAttr:n",
						new JdkSerializationRedisSerializer().serialize(7));
			}
			EntityExchangeResult<byte[]> result = count(app.client(), key, "1");
			assertThat(result.getStatus().value()).isEqualTo(200);
			assertThat(sessionOf(result)).isNotEqualTo(key);
		}
	}

	@Test
	void aliceIsReadFromPostgresql() throws SQLException {
		try (RunningApp app = start()) {
			assertThat(login(app.client())).isNotBlank();
		}
		try (Connection db = ProductionServers.connect();
				PreparedStatement query = db.prepareStatement("SELECT password FROM users WHERE username = ?")) {
			query.setString(1, "alice");
			try (ResultSet row = query.executeQuery()) {
				assertThat(row.next()).isTrue();
				assertThat(row.getString(1)).startsWith("{bcrypt}");
			}
		}
	}

	private static RunningApp start() {
		return RunningApp.start(PRODUCTION, ProductionServers.PROPERTIES);
	}

	private static EntityExchangeResult<byte[]> count(WebTestClient client, String key, String expected) {
		EntityExchangeResult<byte[]> result = client.get()
			.uri("/session/")
			.headers((headers) -> {
				if (key != null) {
					headers.add(HttpHeaders.COOKIE, "sessionid=" + key);
				}
			})
			.exchange()
			.expectBody()
			.returnResult();
		assertThat(ParityRoutesTests.body(result)).isEqualTo(expected);
		return result;
	}

	private static String sessionOf(EntityExchangeResult<byte[]> result) {
		return SetCookie.find(result.getResponseHeaders(), "sessionid").value();
	}

	private static String login(WebTestClient client) {
		EntityExchangeResult<byte[]> page = client.get().uri("/form/").exchange().expectBody().returnResult();
		String csrf = SetCookie.find(page.getResponseHeaders(), "csrftoken").value();
		EntityExchangeResult<byte[]> result = client.post()
			.uri("/login/")
			.header(HttpHeaders.COOKIE, "csrftoken=" + csrf)
			.body(org.springframework.web.reactive.function.BodyInserters.fromFormData(ParityRoutesTests
				.form("username", "alice", "password", "wonderland", "csrfmiddlewaretoken", ParityRoutesTests.tokenIn(page))))
			.exchange()
			.expectBody()
			.returnResult();
		assertThat(result.getStatus().value()).isEqualTo(302);
		return SetCookie.find(result.getResponseHeaders(), "sessionid").value();
	}

}
