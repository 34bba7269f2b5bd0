package io.asyncmiddleware.autoconfigure.session;

import java.util.List;

import io.asyncmiddleware.middleware.session.redis.SessionJsonRedisSerializer;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.util.ClassUtils;

/**
 * JSON with an allow-list of types, instead of Java serialization, for session
 * attributes in Redis: Spring Session reads the values of its Redis hashes with the bean
 * named {@value #BEAN_NAME} when there is one, and with Java serialization otherwise,
 * which lets anyone able to write to Redis run code through gadget chains.
 *
 * <p>The allow-list is {@link SessionJsonRedisSerializer}'s (Spring Security's types and
 * JDK value types), plus {@code async-middleware.session.redis.allowed-types}, plus what
 * {@link SessionJsonRedisSerializer.Customizer} beans add. An application bean named
 * {@value #BEAN_NAME} replaces it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = { "org.springframework.session.data.redis.ReactiveRedisSessionRepository",
		"org.springframework.data.redis.serializer.GenericJacksonJsonRedisSerializer",
		"tools.jackson.databind.json.JsonMapper" })
class RedisSessionSerializerConfiguration {

	/** Spring Session's name for the serializer of session attributes in Redis. */
	static final String BEAN_NAME = "springSessionDefaultRedisSerializer";

	private static final String PACKAGE_WILDCARD = ".*";

	@Bean(BEAN_NAME)
	@ConditionalOnMissingBean(name = BEAN_NAME)
	RedisSerializer<Object> springSessionDefaultRedisSerializer(SessionMiddlewareProperties properties,
			ObjectProvider<SessionJsonRedisSerializer.Customizer> customizers) {
		List<String> allowedTypes = List.copyOf(properties.getRedis().getAllowedTypes());
		return new SessionJsonRedisSerializer((types, mapper) -> {
			allowedTypes.forEach((type) -> allow(types, type));
			customizers.orderedStream().forEach((customizer) -> customizer.customize(types, mapper));
		});
	}

	private static void allow(BasicPolymorphicTypeValidator.Builder types, String type) {
		String name = type.strip();
		if (name.endsWith(PACKAGE_WILDCARD) && name.length() > PACKAGE_WILDCARD.length()) {
			// "com.example.*" allows "com.example.Cart", never "com.examplex.Cart"
			types.allowIfSubType(name.substring(0, name.length() - 1));
			return;
		}
		try {
			// an exact class (allowIfSubType(String) would match a prefix), and a typo
			// stops startup instead of every session that holds the type
			types.allowIfSubType(ClassUtils.forName(name, RedisSessionSerializerConfiguration.class.getClassLoader()));
		}
		catch (ClassNotFoundException | LinkageError ex) {
			throw new IllegalStateException("async-middleware.session.redis.allowed-types: no class '" + name
					+ "'; give a fully qualified class name, or a package followed by '.*'", ex);
		}
	}

}
