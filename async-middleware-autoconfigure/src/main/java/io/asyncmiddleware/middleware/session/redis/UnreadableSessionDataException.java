package io.asyncmiddleware.middleware.session.redis;

import org.jspecify.annotations.Nullable;

import org.springframework.data.redis.serializer.SerializationException;

/**
 * A session value in Redis that {@link SessionJsonRedisSerializer} will not read: a type
 * outside its allow-list, data written by another serializer (Java serialization before
 * an upgrade), or no JSON at all. The {@code session} entry treats the session as absent.
 */
public class UnreadableSessionDataException extends SerializationException {

	/**
	 * Creates the exception.
	 * @param data what was read from Redis
	 * @param cause why it could not be read
	 */
	public UnreadableSessionDataException(byte @Nullable [] data, Throwable cause) {
		super("Unreadable session data (" + describe(data) + "): " + cause.getMessage(), cause);
	}

	// a hint of the format (Java serialization starts with AC ED), never the data itself
	private static String describe(byte @Nullable [] data) {
		if (data == null) {
			return "none";
		}
		if (data.length >= 2 && (data[0] & 0xFF) == 0xAC && (data[1] & 0xFF) == 0xED) {
			return data.length + " bytes of Java serialization";
		}
		return data.length + " bytes";
	}

}
