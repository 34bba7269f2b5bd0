package io.asyncmiddleware.middleware.messages;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link Level}: Django's numeric levels.
 */
class LevelTests {

	@Test
	@DisplayName("Named levels have Django's values")
	void namedLevels() {
		assertThat(Level.valueOf("debug")).isEqualTo(Level.DEBUG).extracting(Level::value).isEqualTo(10);
		assertThat(Level.valueOf("INFO").value()).isEqualTo(20);
		assertThat(Level.valueOf("Success").value()).isEqualTo(25);
		assertThat(Level.valueOf("warning").value()).isEqualTo(30);
		assertThat(Level.valueOf("error").value()).isEqualTo(40);
	}

	@Test
	@DisplayName("A number is a custom level")
	void numericLevel() {
		assertThat(Level.valueOf(" 29 ")).isEqualTo(Level.of(29));
		assertThat(Level.of(29)).isGreaterThan(Level.SUCCESS).isLessThan(Level.WARNING);
	}

	@Test
	@DisplayName("Bad input: anything else is rejected with the accepted forms")
	void badLevel() {
		assertThatIllegalArgumentException().isThrownBy(() -> Level.valueOf("loud"))
			.withMessageContaining("'loud' is not a message level: use debug, info, success, warning, error or a number");
	}

}
