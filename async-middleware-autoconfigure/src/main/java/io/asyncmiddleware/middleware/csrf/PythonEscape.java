package io.asyncmiddleware.middleware.csrf;

/**
 * Python's {@code unicode_escape}, which Django applies to the arguments of its
 * response log lines so that a request cannot forge log lines.
 */
final class PythonEscape {

	private PythonEscape() {
	}

	static String unicodeEscape(String text) {
		StringBuilder escaped = new StringBuilder(text.length());
		text.codePoints().forEach((c) -> {
			switch (c) {
				case '\\' -> escaped.append("\\\\");
				case '\t' -> escaped.append("\\t");
				case '\n' -> escaped.append("\\n");
				case '\r' -> escaped.append("\\r");
				default -> {
					if (c >= 0x20 && c < 0x7f) {
						escaped.append((char) c);
					}
					else if (c < 0x100) {
						escaped.append(String.format("\\x%02x", c));
					}
					else if (c < 0x10000) {
						escaped.append(String.format("\\u%04x", c));
					}
					else {
						escaped.append(String.format("\\U%08x", c));
					}
				}
			}
		});
		return escaped.toString();
	}

}
