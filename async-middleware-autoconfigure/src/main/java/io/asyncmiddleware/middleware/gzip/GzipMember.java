package io.asyncmiddleware.middleware.gzip;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * One gzip member (RFC 1952) written piece by piece: the header, then deflated chunks,
 * then the trailer. Level 6 and mtime 0, as Python's {@code gzip.compress} in Django;
 * with padding, the header carries the FNAME flag and a file name of {@code a} bytes,
 * Django's "Heal the Breach" mitigation. Not thread-safe; {@link #close()} releases the
 * native deflater and may be called more than once.
 */
final class GzipMember implements AutoCloseable {

	private static final int LEVEL = 6;

	private static final int FNAME = 0x08;

	private static final int OS_UNKNOWN = 0xFF;

	private final Deflater deflater = new Deflater(LEVEL, true);

	private final CRC32 crc = new CRC32();

	private final byte[] buffer = new byte[8192];

	private final int paddingLength;

	private boolean headerWritten;

	/**
	 * Creates a member.
	 * @param paddingLength the number of {@code a} bytes in the file name, or -1 for no
	 * file name at all
	 */
	GzipMember(int paddingLength) {
		this.paddingLength = paddingLength;
	}

	/**
	 * Compresses a whole body into one member.
	 * @param content the body
	 * @param paddingLength as for the constructor
	 * @return the gzip bytes
	 */
	static byte[] compress(byte[] content, int paddingLength) {
		try (GzipMember member = new GzipMember(paddingLength)) {
			ByteArrayOutputStream out = new ByteArrayOutputStream(content.length / 2 + 64);
			member.write(content, Deflater.NO_FLUSH, out);
			member.finish(out);
			return out.toByteArray();
		}
	}

	/**
	 * Compresses a chunk and flushes it, so that a client can decode all that was sent so
	 * far; the header comes first with the first chunk.
	 * @param content the chunk
	 * @return the bytes to send
	 */
	byte[] flushChunk(byte[] content) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(content.length / 2 + 64);
		write(content, Deflater.SYNC_FLUSH, out);
		return out.toByteArray();
	}

	/**
	 * Ends the member: the rest of the deflate stream and the trailer (header too if no
	 * chunk came).
	 * @return the bytes to send
	 */
	byte[] finish() {
		ByteArrayOutputStream out = new ByteArrayOutputStream(64);
		finish(out);
		return out.toByteArray();
	}

	private void write(byte[] content, int flush, ByteArrayOutputStream out) {
		writeHeader(out);
		this.crc.update(content);
		this.deflater.setInput(content);
		int count;
		do {
			count = this.deflater.deflate(this.buffer, 0, this.buffer.length, flush);
			out.write(this.buffer, 0, count);
		}
		while (count == this.buffer.length || !this.deflater.needsInput());
	}

	private void finish(ByteArrayOutputStream out) {
		writeHeader(out);
		this.deflater.finish();
		while (!this.deflater.finished()) {
			int count = this.deflater.deflate(this.buffer);
			out.write(this.buffer, 0, count);
		}
		writeInt(out, (int) this.crc.getValue());
		writeInt(out, (int) this.deflater.getBytesRead());
		close();
	}

	private void writeHeader(ByteArrayOutputStream out) {
		if (this.headerWritten) {
			return;
		}
		this.headerWritten = true;
		boolean padded = this.paddingLength >= 0;
		// magic, CM=deflate, FLG, MTIME=0, XFL=0, OS
		out.write(0x1F);
		out.write(0x8B);
		out.write(Deflater.DEFLATED);
		out.write(padded ? FNAME : 0);
		writeInt(out, 0);
		out.write(0);
		out.write(OS_UNKNOWN);
		if (padded) {
			byte[] name = new byte[this.paddingLength + 1];
			Arrays.fill(name, 0, this.paddingLength, (byte) 'a');
			out.write(name, 0, name.length);
		}
	}

	private static void writeInt(ByteArrayOutputStream out, int value) {
		out.write(value & 0xFF);
		out.write((value >>> 8) & 0xFF);
		out.write((value >>> 16) & 0xFF);
		out.write((value >>> 24) & 0xFF);
	}

	@Override
	public void close() {
		this.deflater.end();
	}

}
