package io.asyncmiddleware.detection.corpus.safe.javaio;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;

import io.asyncmiddleware.detection.corpus.Families;
import io.asyncmiddleware.detection.corpus.Label;
import io.asyncmiddleware.detection.corpus.Label.Expect;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Reads and writes in-memory streams and readers.
 */
@Label(value = Expect.SAFE, family = Families.JAVA_IO, reach = "in-memory streams")
public class InMemoryStreamsFilter implements WebFilter {
	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		try (InputStream in = new ByteArrayInputStream(new byte[] { 1, 2, 3 });
				BufferedReader reader = new BufferedReader(new StringReader("a\nb"))) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			in.transferTo(out);
			exchange.getAttributes().put("line", reader.readLine() + out.size());
		}
		catch (IOException ex) {
			return Mono.error(ex);
		}
		return chain.filter(exchange);
	}

}
