package io.asyncmiddleware.middleware.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Django's session-auth hash: an HMAC of the user's password hash, stored in the session
 * at login and compared on every resolution, so that changing the password ends the
 * user's other sessions without putting the password hash itself into the session.
 */
public final class SessionAuthHash {

	private static final String ALGORITHM = "HmacSHA256";

	// Like Django's key_salt: a hash made for this purpose is useless for any other.
	private static final String SALT = "io.asyncmiddleware.middleware.auth.SessionAuthHash";

	private final SecretKeySpec key;

	/**
	 * Creates the hash function.
	 * @param secret the secret the HMAC key is derived from (Django: SECRET_KEY)
	 */
	public SessionAuthHash(byte[] secret) {
		Assert.isTrue(secret != null && secret.length > 0, "'secret' must not be empty");
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(SALT.getBytes(StandardCharsets.UTF_8));
			this.key = new SecretKeySpec(digest.digest(secret), ALGORITHM);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	/**
	 * The hash for a password hash.
	 * @param passwordHash the stored (encoded) password of the user
	 * @return the hex-encoded HMAC
	 */
	public String of(String passwordHash) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(this.key);
			return HexFormat.of().formatHex(mac.doFinal(passwordHash.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ALGORITHM + " is not available", ex);
		}
	}

	/**
	 * Compares two hashes in constant time.
	 * @param stored the hash from the session, possibly {@code null}
	 * @param current the hash of the user's current password
	 * @return {@code true} if they are equal
	 */
	public static boolean matches(@Nullable String stored, String current) {
		return stored != null && MessageDigest.isEqual(stored.getBytes(StandardCharsets.UTF_8),
				current.getBytes(StandardCharsets.UTF_8));
	}

}
