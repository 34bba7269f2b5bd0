package io.asyncmiddleware.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import io.asyncmiddleware.stack.BuiltInMiddleware;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests the metadata the build generates for IDEs and for Boot: the configuration
 * processor's {@code spring-configuration-metadata.json} (with the hand-written hints
 * merged in) and the auto-configure processor's condition metadata. Both processors are
 * named in the compiler's {@code annotationProcessorPaths}, so a JDK 23+ build, which no
 * longer runs processors found on the class path, produces them too.
 */
class ConfigurationMetadataTests {

	private static final List<String> BUILT_IN_ENTRIES = List.of("security", "session", "common", "csrf",
			"authentication", "messages", "x-frame-options", "gzip", "conditional-get", "locale");

	private final JsonNode metadata = read("META-INF/spring-configuration-metadata.json");

	@Test
	void everyPropertiesGroupIsDescribed() {
		assertThat(names("groups")).contains("async-middleware", "async-middleware.detection",
				"async-middleware.detection.runtime", "async-middleware.adapt", "async-middleware.isolate", "async-middleware.security",
				"async-middleware.session", "async-middleware.common", "async-middleware.csrf",
				"async-middleware.authentication", "async-middleware.messages", "async-middleware.x-frame-options",
				"async-middleware.gzip", "async-middleware.locale");
		assertThat(property("async-middleware.stack").path("description").asString())
			.contains("The ordered stack, like Django's MIDDLEWARE");
	}

	@Test
	void theStackCompletesEveryBuiltInEntryAndSpringSecuritysChain() {
		JsonNode hint = hint("async-middleware.stack");
		assertThat(values(hint)).containsAll(BUILT_IN_ENTRIES).contains("spring-security");
		// bean names of the application's own filters are valid too
		assertThat(hint.path("providers").get(0).path("name").asString()).isEqualTo("any");
		assertThat(values(hint("async-middleware.filters.keys"))).containsAll(BUILT_IN_ENTRIES);
	}

	@Test
	void theBuiltInEntriesHintedAreTheOnesTheAutoConfigurationsContribute() {
		// every entry an auto-configuration contributes is hinted, and no hinted name is made up
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(MiddlewareStackStartupReportTests.starterAutoConfigurations()))
			.run((context) -> assertThat(context.getBeansOfType(BuiltInMiddleware.class).values())
				.extracting(BuiltInMiddleware::name)
				.containsExactlyInAnyOrderElementsOf(BUILT_IN_ENTRIES));
	}

	@Test
	void theModesComplete() {
		assertThat(values(hint("async-middleware.mode"))).containsExactly("fail", "adapt", "isolate");
		assertThat(values(hint("async-middleware.filters.values.mode"))).containsExactly("fail", "adapt", "isolate");
	}

	@Test
	void defaultsArePresent() {
		assertThat(defaultOf("async-middleware.mode")).isEqualTo("fail");
		assertThat(defaultOf("async-middleware.order")).isEqualTo("-200");
		assertThat(defaultOf("async-middleware.enabled")).isEqualTo("true");
		assertThat(defaultOf("async-middleware.isolate.max-concurrent")).isEqualTo("32");
		assertThat(defaultOf("async-middleware.isolate.timeout")).isEqualTo("5s");
		assertThat(defaultOf("async-middleware.isolate.virtual-threads")).isEqualTo("auto");
		assertThat(defaultOf("async-middleware.adapt.timeout")).isEqualTo("5s");
		assertThat(defaultOf("async-middleware.adapt.max-queued")).isEqualTo("1000");
		assertThat(defaultOf("async-middleware.detection.runtime.stall-threshold")).isEqualTo("10ms");
		assertThat(defaultOf("async-middleware.csrf.cookie-name")).isEqualTo("csrftoken");
		assertThat(defaultOf("async-middleware.csrf.header-name")).isEqualTo("X-CSRFToken");
		assertThat(defaultOf("async-middleware.session.cookie-name")).isEqualTo("sessionid");
		assertThat(defaultOf("async-middleware.x-frame-options.value")).isEqualTo("DENY");
		// list defaults the processor cannot read from the code are written by hand
		assertThat(property("async-middleware.security.referrer-policy").path("defaultValue").get(0).asString())
			.isEqualTo("same-origin");
		assertThat(property("async-middleware.locale.languages").path("defaultValue")).hasSizeGreaterThan(20);
	}

	@Test
	void autoConfigurationConditionsArePrecomputed() throws IOException {
		Properties conditions = new Properties();
		try (InputStream in = new ClassPathResource("META-INF/spring-autoconfigure-metadata.properties")
			.getInputStream()) {
			conditions.load(in);
		}
		// conditions met through @ConditionalOnAsyncMiddleware are evaluated, not precomputed:
		// the processor reads only annotations written on the class itself
		assertThat(conditions.getProperty(
				"io.asyncmiddleware.autoconfigure.AsyncMiddlewareAutoConfiguration.ConditionalOnClass"))
			.contains("org.springframework.web.server.adapter.WebHttpHandlerBuilder");
		assertThat(conditions.getProperty("io.asyncmiddleware.autoconfigure.csrf.CsrfMiddlewareAutoConfiguration"
				+ ".ConditionalOnClass")).contains("org.springframework.security.web.server.csrf.CsrfToken");
	}

	private List<String> names(String section) {
		List<String> names = new ArrayList<>();
		this.metadata.path(section).forEach((node) -> names.add(node.path("name").asString()));
		return names;
	}

	private JsonNode property(String name) {
		return find("properties", name);
	}

	private JsonNode hint(String name) {
		return find("hints", name);
	}

	private String defaultOf(String name) {
		JsonNode value = property(name).path("defaultValue");
		assertThat(value.isMissingNode()).as("default of %s", name).isFalse();
		return value.isString() ? value.asString() : value.toString();
	}

	private JsonNode find(String section, String name) {
		for (JsonNode node : this.metadata.path(section)) {
			if (name.equals(node.path("name").asString())) {
				return node;
			}
		}
		throw new AssertionError("No " + section + " entry named " + name + " in the generated metadata");
	}

	private static List<String> values(JsonNode hint) {
		List<String> values = new ArrayList<>();
		hint.path("values").forEach((value) -> values.add(value.path("value").asString()));
		return values;
	}

	private static JsonNode read(String path) {
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			return JsonMapper.builder().build().readTree(in);
		}
		catch (IOException ex) {
			throw new AssertionError("The build generated no " + path, ex);
		}
	}

}
