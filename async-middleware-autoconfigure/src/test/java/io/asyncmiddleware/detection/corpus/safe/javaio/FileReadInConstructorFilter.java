package io.asyncmiddleware.detection.corpus.safe.javaio;

import java.io.File;
import java.io.FileInputStream;
import java.io.FileWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;

import io.asyncmiddleware.detection.corpus.Families;
import io.asyncmiddleware.detection.corpus.Label;
import io.asyncmiddleware.detection.corpus.Label.Expect;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Reads its configuration from a file in the constructor, at startup.
 */
@Label(value = Expect.SAFE, family = Families.JAVA_IO, reach = "constructor-time blocking")
public class FileReadInConstructorFilter implements WebFilter {
	private final int first;

	public FileReadInConstructorFilter() throws IOException {
		File file = File.createTempFile("corpus", ".conf");
		file.deleteOnExit();
		try (Writer writer = new FileWriter(file)) {
			writer.write("x");
		}
		try (InputStream in = new FileInputStream(file)) {
			this.first = in.read();
		}
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		exchange.getAttributes().put("first", this.first);
		return chain.filter(exchange);
	}

}
