package io.asyncmiddleware.detection;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link BlockingApiCatalogue} and the {@link BlockingApi} spec form.
 */
class BlockingApiCatalogueTests {

	private final BlockingApiCatalogue catalogue = BlockingApiCatalogue.defaults();

	@Test
	void specWithExactMethodIsParsed() {
		BlockingApi api = BlockingApi.parse(" com.acme.LegacyClient#call ", "d", "s");
		assertThat(api.typeName()).isEqualTo("com.acme.LegacyClient");
		assertThat(api.methodPattern()).isEqualTo("call");
		assertThat(api.matchesMethod("call")).isTrue();
		assertThat(api.matchesMethod("callAsync")).isFalse();
	}

	@Test
	void specWithWildcardMatchesEveryMethodButConstructors() {
		BlockingApi api = BlockingApi.parse("com.acme.Outer$Legacy#*", "d", "s");
		assertThat(api.typeName()).isEqualTo("com.acme.Outer$Legacy");
		assertThat(api.matchesMethod("anything")).isTrue();
		assertThat(api.matchesMethod("<init>")).isFalse();
	}

	@Test
	void specWithPrefixMatchesMethodsStartingWithIt() {
		BlockingApi api = BlockingApi.parse("reactor.core.publisher.Mono#block*", "d", "s");
		assertThat(api.matchesMethod("block")).isTrue();
		assertThat(api.matchesMethod("blockOptional")).isTrue();
		assertThat(api.matchesMethod("map")).isFalse();
	}

	@Test
	void badSpecInBlockingApisNamesTheSpecTheFormAndTheProperty() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.catalogue.including(List.of("com.acme.Client.call")))
			.withMessage("Invalid API spec 'com.acme.Client.call': expected 'fully.qualified.Type#method' or "
					+ "'fully.qualified.Type#*' (a method name may end with '*' to match a prefix, nested types use "
					+ "'$') (in async-middleware.detection.blocking-apis)");
	}

	@Test
	void badSpecInAllowedApisNamesTheProperty() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.catalogue.excluding(List.of("Lock#lock()")))
			.withMessageStartingWith("Invalid API spec 'Lock#lock()': expected 'fully.qualified.Type#method'")
			.withMessageEndingWith("(in async-middleware.detection.allowed-apis)");
	}

	@Test
	void emptyAndHalfSpecsAreRejected() {
		for (String spec : new String[] { "", "#call", "com.acme.Client#", "com.acme.Client", "com..Client#x",
				"com.acme.Client#*x" }) {
			assertThatIllegalArgumentException().isThrownBy(() -> this.catalogue.including(List.of(spec)))
				.withMessageContaining("'" + spec + "'");
		}
	}

	@Test
	void subtypesOfACatalogueTypeMatch() {
		BlockingApi api = this.catalogue.match(
				List.of("java.util.concurrent.locks.ReentrantLock", "java.util.concurrent.locks.Lock",
						"java.io.Serializable", "java.lang.Object"),
				"lock");
		assertThat(api).isNotNull();
		assertThat(api.typeName()).isEqualTo("java.util.concurrent.locks.Lock");
	}

	@Test
	void supertypesOfACatalogueTypeDoNotMatch() {
		assertThat(this.catalogue.match(List.of("java.io.InputStream", "java.lang.Object"), "read")).isNull();
		assertThat(this.catalogue.match(List.of("java.io.FileInputStream", "java.io.InputStream"), "read"))
			.isNotNull();
	}

	@Test
	void includedSpecMatches() {
		BlockingApiCatalogue extended = this.catalogue.including(List.of("com.acme.LegacyClient#call"));
		assertThat(extended.match(List.of("com.acme.LegacyClient"), "call")).isNotNull();
		assertThat(this.catalogue.match(List.of("com.acme.LegacyClient"), "call")).isNull();
		assertThat(extended.entries()).hasSize(this.catalogue.entries().size() + 1);
	}

	@Test
	void excludedSpecVetoesMatchesOfSubtypesToo() {
		BlockingApiCatalogue trimmed = this.catalogue.excluding(List.of("java.util.concurrent.locks.Lock#lock"));
		List<String> reentrantLock = List.of("java.util.concurrent.locks.ReentrantLock",
				"java.util.concurrent.locks.Lock");
		assertThat(trimmed.match(reentrantLock, "lock")).isNull();
		assertThat(trimmed.match(reentrantLock, "lockInterruptibly")).isNotNull();
	}

	@Test
	void defaultsCoverTheRequiredApis() {
		Set<String> specs = Set.copyOf(this.catalogue.entries().stream().map(BlockingApi::spec).toList());
		assertThat(specs).contains("java.lang.Thread#sleep", "java.lang.Object#wait",
				"java.util.concurrent.Future#get", "java.util.concurrent.CompletableFuture#join",
				"java.util.concurrent.CountDownLatch#await", "java.util.concurrent.CyclicBarrier#await",
				"java.util.concurrent.Semaphore#acquire", "java.util.concurrent.locks.Lock#lock",
				"java.util.concurrent.locks.Lock#lockInterruptibly", "java.util.concurrent.locks.Condition#await*",
				"java.util.concurrent.BlockingQueue#take", "java.util.concurrent.BlockingQueue#put",
				"reactor.core.publisher.Mono#block*", "reactor.core.publisher.Flux#block*",
				"reactor.core.publisher.Flux#toIterable", "reactor.core.publisher.Flux#toStream",
				"java.sql.Statement#execute*", "java.sql.Connection#commit", "java.sql.Connection#prepare*",
				"java.sql.DriverManager#getConnection", "javax.sql.DataSource#getConnection",
				"org.springframework.jdbc.core.JdbcOperations#*",
				"org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations#*",
				"org.springframework.jdbc.core.simple.JdbcClient#*", "org.springframework.web.client.RestOperations#*",
				"java.net.http.HttpClient#send", "java.net.URLConnection#getInputStream",
				"java.net.HttpURLConnection#getResponseCode", "java.net.URL#openStream", "java.net.Socket#connect",
				"java.io.FileInputStream#read*", "java.io.FileOutputStream#write", "java.nio.file.Files#read*",
				"java.nio.file.Files#lines", "java.io.RandomAccessFile#*", "java.nio.channels.FileChannel#read",
				"jakarta.persistence.EntityManager#*", "javax.persistence.EntityManager#*",
				"java.lang.Process#waitFor", "java.lang.Thread#join");
		assertThat(this.catalogue.entries()).allSatisfy((api) -> {
			assertThat(api.description()).isNotBlank();
			assertThat(api.suggestion()).isNotBlank();
		});
	}

	@Test
	void defaultsNeverMatchNonBlockingReactiveApis() {
		assertThat(this.catalogue.match(List.of("reactor.core.publisher.Mono"), "delay")).isNull();
		assertThat(this.catalogue.match(List.of("reactor.core.publisher.Flux"), "flatMap")).isNull();
		assertThat(this.catalogue.match(
				List.of("org.springframework.web.reactive.function.client.WebClient", "java.lang.Object"), "get"))
			.isNull();
		assertThat(this.catalogue.match(List.of("io.r2dbc.spi.Connection", "java.lang.Object"), "createStatement"))
			.isNull();
		assertThat(this.catalogue.match(List.of("org.springframework.data.redis.core.ReactiveRedisTemplate",
				"org.springframework.data.redis.core.ReactiveRedisOperations"), "opsForValue"))
			.isNull();
	}

}
