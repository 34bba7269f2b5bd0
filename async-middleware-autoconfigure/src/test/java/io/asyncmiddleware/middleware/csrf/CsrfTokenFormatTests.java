package io.asyncmiddleware.middleware.csrf;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;

class CsrfTokenFormatTests {

	private final CsrfTokenFormat format = new CsrfTokenFormat();

	@ParameterizedTest(name = "{1} unmasks to {0}")
	@DisplayName("CSRF-01: Django's test vectors unmask to their secrets")
	@CsvSource({ "lcccccccX2kcccccccY2jcccccccssIC, 1bcdefghij2bcdefghij3bcdefghij4bcdefghij5bcdefghij6bcdefghijABCD",
			"lcccccccX2kcccccccY2jcccccccssIC, 2JgchWvM1tpxT2lfz9aydoXW9yT1DN3NdLiejYxOOlzzV4nhBbYqmqZYbAV3V5Bf",
			"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa, vFioG3XOLyGyGsPRFyB9iYUs341ufzIEvFioG3XOLyGyGsPRFyB9iYUs341ufzIE",
			"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa, aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
			"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa, bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb",
			"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb, aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaabbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb",
			"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb, bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbcccccccccccccccccccccccccccccccc",
			"cccccccccccccccccccccccccccccccc, aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaacccccccccccccccccccccccccccccccc",
			"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa, AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" })
	void unmasksDjangoVectors(String secret, String token) {
		assertThat(CsrfTokenFormat.unmask(token)).isEqualTo(secret);
		assertThat(CsrfTokenFormat.matches(token, secret)).isTrue();
	}

	@Test
	@DisplayName("CSRF-01: masking with a given mask gives Django's token, and a fresh mask each time round-trips")
	void masksAndRoundTrips() {
		assertThat(CsrfTokenFormat.mask("lcccccccX2kcccccccY2jcccccccssIC", "1bcdefghij2bcdefghij3bcdefghij4b"))
			.isEqualTo("1bcdefghij2bcdefghij3bcdefghij4bcdefghij5bcdefghij6bcdefghijABCD");
		String secret = this.format.newSecret();
		Set<String> tokens = new HashSet<>();
		for (int i = 0; i < 50; i++) {
			String token = this.format.mask(secret);
			assertThat(token).hasSize(64).matches("[a-zA-Z0-9]+");
			assertThat(CsrfTokenFormat.unmask(token)).isEqualTo(secret);
			tokens.add(token);
		}
		assertThat(tokens).hasSize(50);
	}

	@Test
	@DisplayName("CSRF-04: valid lengths are 32 and 64 of a-zA-Z0-9; length is checked before characters")
	void checksFormat() {
		assertThat(CsrfTokenFormat.formatProblem("a".repeat(32))).isNull();
		assertThat(CsrfTokenFormat.formatProblem("Z9".repeat(32))).isNull();
		assertThat(CsrfTokenFormat.formatProblem("*".repeat(64))).isEqualTo("has invalid characters");
		assertThat(CsrfTokenFormat.formatProblem("a".repeat(16))).isEqualTo("has incorrect length");
		assertThat(CsrfTokenFormat.formatProblem("*".repeat(16))).isEqualTo("has incorrect length");
		assertThat(CsrfTokenFormat.formatProblem("é".repeat(32))).isEqualTo("has invalid characters");
		assertThat(CsrfTokenFormat.formatProblem("\uD83D\uDE00".repeat(32))).isEqualTo("has invalid characters");
	}

	@Test
	@DisplayName("CSRF-01: secrets draw from the alphabet and are generated without blocking a Reactor thread")
	void generatesOnNonBlockingThread() {
		String secret = Mono.fromCallable(this.format::newSecret).subscribeOn(Schedulers.parallel()).block();
		assertThat(secret).hasSize(32).matches("[a-zA-Z0-9]{32}");
		assertThat(this.format.newSecret()).isNotEqualTo(secret);
	}

	@Test
	@DisplayName("CSRF-09: the header's display name is derived as Django does")
	void derivesHeaderDisplayName() {
		assertThat(CsrfFailureReason.headerDisplayName("X-CSRFToken")).isEqualTo("X-Csrftoken");
		assertThat(CsrfFailureReason.headerDisplayName("X-CSRFTOKEN-CUSTOMIZED")).isEqualTo("X-Csrftoken-Customized");
	}

}
