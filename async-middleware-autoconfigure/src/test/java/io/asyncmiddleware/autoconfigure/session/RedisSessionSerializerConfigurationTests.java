package io.asyncmiddleware.autoconfigure.session;

import java.util.ArrayList;
import java.util.List;

import io.asyncmiddleware.middleware.session.redis.SessionJsonRedisSerializer;
import io.asyncmiddleware.middleware.session.redis.UnreadableSessionDataException;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableReactiveWebApplicationContext;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.data.redis.serializer.RedisSerializer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RedisSessionSerializerConfigurationTests {

	private static final String BEAN = "springSessionDefaultRedisSerializer";

	private final ReactiveWebApplicationContextRunner contextRunner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SessionMiddlewareAutoConfiguration.class));

	// what an application serializer writes for a Basket (which the default refuses)
	private final byte[] basket = new SessionJsonRedisSerializer((types, mapper) -> types.allowIfSubType(Basket.class))
		.serialize(new Basket(new ArrayList<>(List.of("book"))));

	@Test
	void jsonSerializerWithTheDefaultAllowList() {
		this.contextRunner.run((context) -> {
			assertThat(context.getBean(BEAN)).isInstanceOf(SessionJsonRedisSerializer.class);
			assertThatExceptionOfType(UnreadableSessionDataException.class)
				.isThrownBy(() -> serializer(context).deserialize(this.basket));
		});
	}

	@Test
	void allowedTypesPropertyAddsAClass() {
		this.contextRunner.withPropertyValues("async-middleware.session.redis.allowed-types=" + Basket.class.getName())
			.run((context) -> assertThat(serializer(context).deserialize(this.basket))
				.isEqualTo(new Basket(List.of("book"))));
	}

	@Test
	void allowedTypesPropertyAddsAPackage() {
		this.contextRunner.withPropertyValues("async-middleware.session.redis.allowed-types=io.asyncmiddleware.autoconfigure.*")
			.run((context) -> assertThat(serializer(context).deserialize(this.basket))
				.isEqualTo(new Basket(List.of("book"))));
		// a package is a package, not a prefix of names
		this.contextRunner.withPropertyValues("async-middleware.session.redis.allowed-types=io.asyncmiddleware.auto*")
			.run((context) -> assertThat(context).hasFailed());
	}

	@Test
	void unknownAllowedTypeStopsStartupWithTheFix() {
		this.contextRunner.withPropertyValues("async-middleware.session.redis.allowed-types=com.example.Cartt")
			.run((context) -> assertThat(context).getFailure()
				.hasMessageContaining("no class 'com.example.Cartt'")
				.hasMessageContaining("'.*'"));
	}

	@Test
	void customizerBeanAddsTypes() {
		this.contextRunner
			.withBean(SessionJsonRedisSerializer.Customizer.class,
					() -> (types, mapper) -> types.allowIfSubType(Basket.class))
			.run((context) -> assertThat(serializer(context).deserialize(this.basket))
				.isEqualTo(new Basket(List.of("book"))));
	}

	@Test
	void applicationSerializerBacksItOff() {
		RedisSerializer<Object> own = RedisSerializer.java();
		this.contextRunner.withBean(BEAN, RedisSerializer.class, () -> own)
			.run((context) -> assertThat(context.getBean(BEAN)).isSameAs(own));
	}

	@Test
	void noSerializerWithoutSpringSessionDataRedis() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.session.data.redis"))
			.run((context) -> assertThat(context).doesNotHaveBean(BEAN));
	}

	@SuppressWarnings("unchecked")
	private static RedisSerializer<Object> serializer(AssertableReactiveWebApplicationContext context) {
		return (RedisSerializer<Object>) context.getBean(BEAN);
	}

	/** An application's session type: not final, so that it carries its class name. */
	public static class Basket {

		private List<String> items = List.of();

		public Basket() {
		}

		Basket(List<String> items) {
			this.items = items;
		}

		public List<String> getItems() {
			return this.items;
		}

		public void setItems(List<String> items) {
			this.items = items;
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Basket basket && basket.items.equals(this.items);
		}

		@Override
		public int hashCode() {
			return this.items.hashCode();
		}

	}

}
