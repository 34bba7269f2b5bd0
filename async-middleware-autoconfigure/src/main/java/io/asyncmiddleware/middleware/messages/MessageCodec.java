package io.asyncmiddleware.middleware.messages;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The binary form of a list of messages, shared by the cookie and the session storage.
 * Django uses signed JSON; the format is opaque to other implementations, so ours is a
 * compact length-prefixed one that needs no JSON library: a version byte, the
 * "not finished" flag (Django's {@code __messagesnotfinished__} sentinel), the count,
 * then per message its level, text and extra tags as UTF-8.
 */
final class MessageCodec {

	private static final byte VERSION = 1;

	/** Bytes of the header: version, flag, count. */
	private static final int HEADER = 1 + 1 + 4;

	/** Bytes a message needs besides its UTF-8 strings: level and two lengths. */
	private static final int PER_MESSAGE = 4 + 4 + 4;

	private final MessageTags tags;

	MessageCodec(MessageTags tags) {
		this.tags = tags;
	}

	byte[] encode(List<Message> messages, boolean notFinished) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * (messages.size() + 1));
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			out.writeByte(VERSION);
			out.writeBoolean(notFinished);
			out.writeInt(messages.size());
			for (Message message : messages) {
				out.writeInt(message.level());
				writeString(out, message.text());
				writeString(out, message.extraTags());
			}
		}
		catch (IOException ex) {
			// a ByteArrayOutputStream does not fail
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	/**
	 * Reads messages written by {@link #encode}.
	 * @param data the bytes
	 * @return the messages, or {@code null} if the bytes are not a valid encoding
	 */
	@Nullable Decoded decode(byte[] data) {
		if (data.length < HEADER) {
			return null;
		}
		try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
			if (in.readByte() != VERSION) {
				return null;
			}
			boolean notFinished = in.readBoolean();
			int count = in.readInt();
			if (count < 0 || count > (data.length - HEADER) / PER_MESSAGE) {
				return null;
			}
			List<Message> messages = new ArrayList<>(count);
			for (int i = 0; i < count; i++) {
				int level = in.readInt();
				String text = readString(in);
				String extraTags = readString(in);
				if (text == null || extraTags == null) {
					return null;
				}
				messages.add(new Message(level, text, extraTags, this.tags.tagOf(level)));
			}
			return (in.available() == 0) ? new Decoded(messages, notFinished) : null;
		}
		catch (IOException ex) {
			return null;
		}
	}

	private static void writeString(DataOutputStream out, String value) throws IOException {
		byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
		out.writeInt(utf8.length);
		out.write(utf8);
	}

	private static @Nullable String readString(DataInputStream in) throws IOException {
		int length = in.readInt();
		if (length < 0 || length > in.available()) {
			return null;
		}
		return new String(in.readNBytes(length), StandardCharsets.UTF_8);
	}

	/**
	 * Decoded messages.
	 * @param messages the messages, oldest first
	 * @param notFinished whether more messages are stored elsewhere
	 */
	record Decoded(List<Message> messages, boolean notFinished) {
	}

}
