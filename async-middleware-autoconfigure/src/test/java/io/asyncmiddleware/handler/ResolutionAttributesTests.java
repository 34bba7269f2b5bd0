package io.asyncmiddleware.handler;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class ResolutionAttributesTests {

	private final Map<String, Object> real = new HashMap<>(Map.of("a", 1, "hidden", 2, "b", 3));

	private final ResolutionAttributes attributes = new ResolutionAttributes(this.real, "hidden");

	@Test
	@DisplayName("reads the real attributes through, except hidden names")
	void readsThrough() {
		assertThat(this.attributes.get("a")).isEqualTo(1);
		assertThat(this.attributes.get("hidden")).isNull();
		assertThat(this.attributes.containsKey("hidden")).isFalse();
		assertThat(this.attributes.written()).isEmpty();
	}

	@Test
	@DisplayName("writes and removals stay apart from the real attributes")
	void writesKeptApart() {
		this.attributes.put("a", 10);
		this.attributes.put("new", 4);
		this.attributes.remove("b");
		assertThat(this.attributes.get("a")).isEqualTo(10);
		assertThat(this.attributes.get("b")).isNull();
		assertThat(this.real).containsOnly(entry("a", 1), entry("hidden", 2), entry("b", 3));
		assertThat(this.attributes.written()).containsOnly(entry("a", 10), entry("new", 4));
		assertThat(this.attributes).containsOnly(entry("a", 10), entry("new", 4));
	}

	@Test
	@DisplayName("a name written after its removal is seen again")
	void writeAfterRemoval() {
		this.attributes.remove("a");
		this.attributes.put("a", 5);
		assertThat(this.attributes.get("a")).isEqualTo(5);
		assertThat(this.attributes.written()).containsOnly(entry("a", 5));
	}

}
