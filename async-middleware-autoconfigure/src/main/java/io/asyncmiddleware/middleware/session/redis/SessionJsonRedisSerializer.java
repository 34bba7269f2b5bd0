package io.asyncmiddleware.middleware.session.redis;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

import org.springframework.data.redis.serializer.GenericJacksonJsonRedisSerializer;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.data.redis.serializer.SerializationException;
import org.springframework.security.jackson.SecurityJacksonModules;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;

/**
 * Session attributes in Redis as JSON, read back only as the types of an allow-list.
 *
 * <p>Spring Session's default, Java serialization, turns anyone able to write to Redis
 * into someone able to run code in the application (gadget chains in the class path).
 * This serializer writes each value as JSON with its class name and reads back only
 * classes on the allow-list: Spring Security's (through its Jackson modules: the security
 * context, authentication tokens, {@code User}, authorities), the JDK value types of
 * {@link #JDK_VALUE_TYPES}, and whatever the application adds. Anything else, and data
 * that is not this JSON at all (a session written by Java serialization before an
 * upgrade), fails with an {@link UnreadableSessionDataException}, which the
 * {@code session} entry treats as no session.
 */
public final class SessionJsonRedisSerializer implements RedisSerializer<Object> {

	/**
	 * The JDK types allowed in a session besides Spring Security's own list (which
	 * already has the common collections, {@code Date}, {@code Instant} and
	 * {@code Duration}). Value types only: nothing here runs code when it is built.
	 */
	public static final List<Class<?>> JDK_VALUE_TYPES = List.of(String.class, Boolean.class, Character.class,
			Byte.class, Short.class, Integer.class, Long.class, Float.class, Double.class, java.math.BigDecimal.class,
			java.math.BigInteger.class, java.util.UUID.class, java.util.Locale.class, java.util.TreeSet.class,
			java.util.LinkedList.class, java.time.LocalDate.class, java.time.LocalTime.class,
			java.time.LocalDateTime.class, java.time.OffsetDateTime.class, java.time.ZonedDateTime.class,
			java.time.ZoneOffset.class, java.time.Period.class, java.time.Instant.class, java.time.Duration.class);

	private static final boolean SPRING_SECURITY_PRESENT = ClassUtils
		.isPresent("org.springframework.security.jackson.SecurityJacksonModules", null);

	private final GenericJacksonJsonRedisSerializer delegate;

	/**
	 * Creates a serializer with the default allow-list.
	 */
	public SessionJsonRedisSerializer() {
		this((types, mapper) -> {
		});
	}

	/**
	 * Creates a serializer whose allow-list and mapper the application may extend.
	 * @param customizer adds allowed types (exact classes with
	 * {@code allowIfSubType(Class)}, whole packages with
	 * {@code allowIfSubType("com.example.session.")}) and Jackson modules
	 */
	public SessionJsonRedisSerializer(Customizer customizer) {
		Assert.notNull(customizer, "'customizer' must not be null");
		BasicPolymorphicTypeValidator.Builder types = BasicPolymorphicTypeValidator.builder();
		JDK_VALUE_TYPES.forEach(types::allowIfSubType);
		JsonMapper.Builder mapper = JsonMapper.builder();
		if (SPRING_SECURITY_PRESENT) {
			// adds Spring Security's types to the allow-list as it builds its modules
			mapper.addModules(SecurityJacksonModules.getModules(getClass().getClassLoader(), types));
		}
		customizer.customize(types, mapper);
		BasicPolymorphicTypeValidator validator = types.build();
		this.delegate = GenericJacksonJsonRedisSerializer.builder(() -> mapper)
			.enableDefaultTyping(validator)
			.build();
	}

	@Override
	public byte @Nullable [] serialize(@Nullable Object value) throws SerializationException {
		if (value instanceof Long || value instanceof Short || value instanceof Byte
				|| (value instanceof Float number && Float.isFinite(number))) {
			// JSON numbers read back as Integer or Double: these carry their type, as
			// ["java.lang.Long",5], which the reader accepts for any value
			return ("[\"" + value.getClass().getName() + "\"," + value + "]").getBytes(StandardCharsets.UTF_8);
		}
		if (value != null && value.getClass().isRecord()) {
			// written without its class name, it could never be read back: every later
			// request would lose the whole session, silently
			throw new SerializationException("A record (" + value.getClass().getName() + ") cannot be a session "
					+ "value in Redis: its JSON carries no class name to read it back by; store a non-final class "
					+ "(on the allow-list) or its fields");
		}
		return this.delegate.serialize(value);
	}

	@Override
	public @Nullable Object deserialize(byte @Nullable [] bytes) throws SerializationException {
		try {
			return this.delegate.deserialize(bytes);
		}
		catch (RuntimeException ex) {
			throw new UnreadableSessionDataException(bytes, ex);
		}
	}

	/**
	 * Extends the allow-list and the mapper of a {@link SessionJsonRedisSerializer}.
	 */
	@FunctionalInterface
	public interface Customizer {

		/**
		 * Adds allowed types or Jackson modules.
		 * @param allowedTypes the allow-list, already holding the defaults
		 * @param mapper the mapper, already holding Spring Security's modules
		 */
		void customize(BasicPolymorphicTypeValidator.Builder allowedTypes, JsonMapper.Builder mapper);

	}

}
