package io.asyncmiddleware.middleware.messages;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * Signs the {@code messages} cookie with HMAC-SHA256, as Django signs it with its
 * {@code SECRET_KEY}, so that clients cannot forge messages.
 *
 * <p>A signed value is {@code base64url(data) "." base64url(mac)}, without padding: it
 * never holds a character that RFC 6265 forbids in a cookie value ({@code \ , ; "} or
 * spaces).
 */
public final class MessageSigner {

	private static final String ALGORITHM = "HmacSHA256";

	/** Separates the purpose from the data, as Django's salt does. */
	private static final byte[] PURPOSE = "io.asyncmiddleware.messages\0".getBytes(StandardCharsets.US_ASCII);

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

	private final Mac prototype;

	/**
	 * Creates a signer with the given key.
	 * @param key the secret key, at least one byte
	 */
	public MessageSigner(byte[] key) {
		Assert.isTrue(key != null && key.length > 0, "The messages signing key must not be empty");
		try {
			this.prototype = Mac.getInstance(ALGORITHM);
			this.prototype.init(new SecretKeySpec(key, ALGORITHM));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available to sign the messages cookie", ex);
		}
	}

	/**
	 * Creates a signer with a random 32-byte key: cookies it signs are readable only by
	 * this process.
	 * @return the signer
	 */
	public static MessageSigner withRandomKey() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return new MessageSigner(key);
	}

	String sign(byte[] data) {
		return ENCODER.encodeToString(data) + "." + ENCODER.encodeToString(mac(data));
	}

	/**
	 * Returns the data of a signed value.
	 * @param value the signed value
	 * @return the data, or {@code null} when the value is malformed or its signature wrong
	 */
	byte @Nullable [] unsign(String value) {
		int dot = value.indexOf('.');
		if (dot < 0 || value.indexOf('.', dot + 1) >= 0) {
			return null;
		}
		try {
			byte[] data = DECODER.decode(value.substring(0, dot));
			byte[] signature = DECODER.decode(value.substring(dot + 1));
			return MessageDigest.isEqual(signature, mac(data)) ? data : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * The length of the signed form of data of the given length.
	 * @param dataLength the length of the data
	 * @return the length of the value {@link #sign} returns
	 */
	int signedLength(int dataLength) {
		return base64Length(dataLength) + 1 + base64Length(this.prototype.getMacLength());
	}

	private static int base64Length(int bytes) {
		return (bytes * 4 + 2) / 3;
	}

	private byte[] mac(byte[] data) {
		Mac mac = newMac();
		mac.update(PURPOSE);
		return mac.doFinal(data);
	}

	private Mac newMac() {
		try {
			// an initialised Mac is not thread-safe; a clone is cheaper than a new instance
			return (Mac) this.prototype.clone();
		}
		catch (CloneNotSupportedException ex) {
			throw new IllegalStateException("HMAC-SHA256 provider cannot clone a Mac", ex);
		}
	}

}
