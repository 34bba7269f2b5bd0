package io.asyncmiddleware;

import java.lang.annotation.Annotation;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.test.context.assertj.AssertableReactiveWebApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test meta-annotations that exclude auto-configurations exclude what they name. Boot
 * ignores an excluded name that is no class, so a renamed auto-configuration would
 * otherwise be applied again without a word; and the contexts show that the exclusions
 * apply through the meta-annotation, where without them Redis and Spring Security would
 * be configured.
 */
class ExcludingAutoConfigurationsTests {

	private final ReactiveWebApplicationContextRunner reactiveRunner = new ReactiveWebApplicationContextRunner();

	@ParameterizedTest
	@ValueSource(classes = { EnableAutoConfigurationWithoutRedis.class,
			EnableAutoConfigurationWithoutRedisOrSpringSecurity.class })
	void everyExcludedNameIsAnAutoConfigurationOnTheClasspath(Class<? extends Annotation> annotation) {
		ClassLoader classLoader = getClass().getClassLoader();
		List<String> autoConfigurations = ImportCandidates.load(AutoConfiguration.class, classLoader).getCandidates();
		assertThat(excludedNames(annotation)).isNotEmpty().allSatisfy((name) -> {
			assertThat(ClassUtils.isPresent(name, classLoader)).as("%s is a class", name).isTrue();
			assertThat(autoConfigurations).as("auto-configurations").contains(name);
		});
	}

	@Test
	void withoutRedisNoRedisIsConfigured() {
		new ApplicationContextRunner().withUserConfiguration(AllAutoConfiguration.class)
			.run((context) -> assertThat(context).hasSingleBean(RedisConnectionFactory.class));
		this.reactiveRunner.withUserConfiguration(WithoutRedis.class).run((context) -> {
			assertExcluded(context, EnableAutoConfigurationWithoutRedis.class);
			assertThat(context.getBeansOfType(SecurityWebFilterChain.class)).isNotEmpty();
		});
	}

	@Test
	void withoutRedisOrSpringSecurityNeitherIsConfigured() {
		this.reactiveRunner.withUserConfiguration(WithoutRedisOrSpringSecurity.class).run((context) -> {
			assertExcluded(context, EnableAutoConfigurationWithoutRedisOrSpringSecurity.class);
			assertThat(context).doesNotHaveBean(SecurityWebFilterChain.class);
		});
	}

	private static void assertExcluded(AssertableReactiveWebApplicationContext context,
			Class<? extends Annotation> annotation) {
		assertThat(context).hasNotFailed()
			.doesNotHaveBean(RedisConnectionFactory.class)
			.doesNotHaveBean(ReactiveRedisConnectionFactory.class);
		List<String> excluded = excludedNames(annotation);
		assertThat(ConditionEvaluationReport.get(context.getBeanFactory()).getExclusions())
			.containsExactlyInAnyOrderElementsOf(excluded);
		// an applied auto-configuration is a bean named after its class
		assertThat(excluded).noneMatch(context::containsBean);
	}

	private static List<String> excludedNames(Class<? extends Annotation> annotation) {
		return List.of(MergedAnnotations.from(annotation)
			.get(EnableAutoConfiguration.class)
			.getStringArray("excludeName"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class AllAutoConfiguration {

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfigurationWithoutRedis
	static class WithoutRedis {

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfigurationWithoutRedisOrSpringSecurity
	static class WithoutRedisOrSpringSecurity {

	}

}
