package io.asyncmiddleware.netty;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 connection over a plain socket, for requests that no HTTP client library
 * sends: several in one write, malformed ones. Reads responses framed by
 * {@code Content-Length} (all the test applications send).
 */
final class RawHttpConnection implements AutoCloseable {

	private final Socket socket;

	private final InputStream in;

	RawHttpConnection(int port) throws IOException {
		this.socket = new Socket("127.0.0.1", port);
		this.socket.setSoTimeout(5_000);
		this.in = this.socket.getInputStream();
	}

	/** Sends the given requests in one write, as a pipelining client does. */
	void send(String... requests) throws IOException {
		this.socket.getOutputStream().write(String.join("", requests).getBytes(StandardCharsets.ISO_8859_1));
		this.socket.getOutputStream().flush();
	}

	/** The next response; fails with a {@link SocketTimeoutException} when none comes. */
	Response read() throws IOException {
		String statusLine = line();
		Map<String, String> headers = new LinkedHashMap<>();
		for (String header = line(); !header.isEmpty(); header = line()) {
			int colon = header.indexOf(':');
			headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
		}
		int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
		byte[] body = this.in.readNBytes(length);
		if (body.length < length) {
			throw new IOException("connection closed " + body.length + " bytes into a " + length + "-byte body");
		}
		return new Response(Integer.parseInt(statusLine.split(" ")[1]), headers, body);
	}

	/** Whether the server has closed the connection (end of stream, nothing more sent). */
	boolean closedByServer() throws IOException {
		return this.in.read() == -1;
	}

	private String line() throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		int b;
		while ((b = this.in.read()) != '\n') {
			if (b == -1) {
				throw new IOException("connection closed before a response (read: '" + line + "')");
			}
			if (b != '\r') {
				line.write(b);
			}
		}
		return line.toString(StandardCharsets.ISO_8859_1);
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

	static String get(String path, String... headers) {
		return "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n" + String.join("", headers) + "\r\n";
	}

	record Response(int status, Map<String, String> headers, byte[] body) {

		String text() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

		boolean closes() {
			return "close".equalsIgnoreCase(this.headers.get("connection"));
		}

	}

}
