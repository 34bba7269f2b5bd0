package io.asyncmiddleware.detection.corpus.safe.sockets;

import java.io.UnsupportedEncodingException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;

import io.asyncmiddleware.detection.corpus.Families;
import io.asyncmiddleware.detection.corpus.Label;
import io.asyncmiddleware.detection.corpus.Label.Expect;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Parses URLs and encodes query values, which declare I/O exceptions but do no I/O.
 */
@Label(value = Expect.SAFE, family = Families.SOCKETS, reach = "no I/O (URL parsing and encoding)")
public class UrlParsingFilter implements WebFilter {
	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		try {
			URL url = URI.create("http://example.org/a").toURL();
			exchange.getAttributes().put("url", url.getHost() + URLEncoder.encode("a b", "UTF-8"));
		}
		catch (MalformedURLException | UnsupportedEncodingException ex) {
			return Mono.error(ex);
		}
		return chain.filter(exchange);
	}

}
