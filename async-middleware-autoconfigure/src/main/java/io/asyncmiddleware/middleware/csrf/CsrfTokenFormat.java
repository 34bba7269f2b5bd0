package io.asyncmiddleware.middleware.csrf;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

import org.jspecify.annotations.Nullable;

/**
 * Django's CSRF secret and token format: a 32-character secret from a 62-character
 * alphabet, and 64-character tokens made of a fresh mask and the secret shifted by it
 * (index sum mod 62), so that no two rendered pages carry the same token (BREACH).
 */
public final class CsrfTokenFormat {

	/** The alphabet; the order matters because masking adds character indexes. */
	public static final String ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

	/** Length of a secret (Django: CSRF_SECRET_LENGTH). */
	public static final int SECRET_LENGTH = 32;

	/** Length of a masked token (Django: CSRF_TOKEN_LENGTH). */
	public static final int TOKEN_LENGTH = 64;

	private final SecureRandom random;

	/**
	 * Creates a format backed by a DRBG that is seeded here, so that later draws never
	 * read an entropy file on an event loop.
	 */
	public CsrfTokenFormat() {
		this.random = seededRandom();
	}

	private static SecureRandom seededRandom() {
		SecureRandom random;
		try {
			random = SecureRandom.getInstance("DRBG");
		}
		catch (NoSuchAlgorithmException ex) {
			random = new SecureRandom();
		}
		random.nextBytes(new byte[16]);
		return random;
	}

	/**
	 * A new random secret.
	 * @return 32 characters of the alphabet
	 */
	public String newSecret() {
		return randomString(SECRET_LENGTH);
	}

	/**
	 * Masks a secret with a fresh mask (Django: {@code _mask_cipher_secret}).
	 * @param secret a 32-character secret
	 * @return the 64-character token
	 */
	public String mask(String secret) {
		return mask(secret, randomString(SECRET_LENGTH));
	}

	static String mask(String secret, String mask) {
		StringBuilder token = new StringBuilder(TOKEN_LENGTH).append(mask);
		for (int i = 0; i < SECRET_LENGTH; i++) {
			int sum = ALPHABET.indexOf(secret.charAt(i)) + ALPHABET.indexOf(mask.charAt(i));
			token.append(ALPHABET.charAt(sum % ALPHABET.length()));
		}
		return token.toString();
	}

	/**
	 * Recovers the secret of a masked token (Django: {@code _unmask_cipher_token}).
	 * @param token a well-formed 64-character token
	 * @return the 32-character secret
	 */
	public static String unmask(String token) {
		StringBuilder secret = new StringBuilder(SECRET_LENGTH);
		for (int i = 0; i < SECRET_LENGTH; i++) {
			int difference = ALPHABET.indexOf(token.charAt(SECRET_LENGTH + i)) - ALPHABET.indexOf(token.charAt(i));
			secret.append(ALPHABET.charAt(Math.floorMod(difference, ALPHABET.length())));
		}
		return secret.toString();
	}

	/**
	 * What is wrong with the format of a cookie or token value (Django:
	 * {@code _check_token_format}); the length is checked first, in code points as
	 * Python counts.
	 * @param value the value
	 * @return {@link CsrfFailureReason#INCORRECT_LENGTH}, {@link CsrfFailureReason#INVALID_CHARACTERS}
	 * or {@code null} when well formed
	 */
	public static @Nullable String formatProblem(String value) {
		int length = value.codePointCount(0, value.length());
		if (length != SECRET_LENGTH && length != TOKEN_LENGTH) {
			return CsrfFailureReason.INCORRECT_LENGTH;
		}
		for (int i = 0; i < value.length(); i++) {
			if (ALPHABET.indexOf(value.charAt(i)) < 0) {
				return CsrfFailureReason.INVALID_CHARACTERS;
			}
		}
		return null;
	}

	/**
	 * The secret a well-formed value stands for: unmasked if 64 long, as is if 32.
	 * @param value a well-formed value
	 * @return the secret
	 */
	public static String toSecret(String value) {
		return (value.length() == TOKEN_LENGTH) ? unmask(value) : value;
	}

	/**
	 * Whether a well-formed token (masked or bare) stands for the secret, compared in
	 * constant time (Django: {@code _does_token_match}).
	 * @param token a well-formed token
	 * @param secret the secret
	 * @return {@code true} on a match
	 */
	public static boolean matches(String token, String secret) {
		return MessageDigest.isEqual(toSecret(token).getBytes(StandardCharsets.US_ASCII),
				secret.getBytes(StandardCharsets.US_ASCII));
	}

	private String randomString(int length) {
		char[] chars = new char[length];
		for (int i = 0; i < length; i++) {
			chars[i] = ALPHABET.charAt(this.random.nextInt(ALPHABET.length()));
		}
		return new String(chars);
	}

}
