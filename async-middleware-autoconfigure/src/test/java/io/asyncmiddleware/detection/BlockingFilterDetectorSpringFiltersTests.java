package io.asyncmiddleware.detection;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.webflux.filter.OrderedHiddenHttpMethodFilter;
import org.springframework.security.web.server.MatcherSecurityWebFilterChain;
import org.springframework.security.web.server.WebFilterChainProxy;
import org.springframework.security.web.server.csrf.CsrfWebFilter;
import org.springframework.security.web.server.header.HttpHeaderWriterWebFilter;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.filter.reactive.HiddenHttpMethodFilter;
import org.springframework.web.filter.reactive.ServerWebExchangeContextFilter;
import org.springframework.web.server.WebFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring's own WebFilters, which the stack scans at startup, are judged non-blocking
 * with the default settings.
 */
class BlockingFilterDetectorSpringFiltersTests {

	private final BlockingFilterDetector detector = new BlockingFilterDetector(BlockingApiCatalogue.defaults(),
			List.of(), 6, getClass().getClassLoader());

	@Test
	void hiddenHttpMethodFilterIsNonBlocking() {
		assertNonBlocking(new HiddenHttpMethodFilter());
	}

	@Test
	void bootsOrderedHiddenHttpMethodFilterIsNonBlocking() {
		assertNonBlocking(new OrderedHiddenHttpMethodFilter());
	}

	@Test
	void serverWebExchangeContextFilterIsNonBlocking() {
		assertNonBlocking(new ServerWebExchangeContextFilter());
	}

	@Test
	void springSecurityWebFilterChainProxyIsNonBlocking() {
		WebFilter headers = new HttpHeaderWriterWebFilter(new XFrameOptionsServerHttpHeadersWriter());
		assertNonBlocking(new WebFilterChainProxy(List.of(new MatcherSecurityWebFilterChain(
				ServerWebExchangeMatchers.anyExchange(), List.of(headers, new CsrfWebFilter())))));
	}

	@Test
	void springSecurityCsrfWebFilterIsNonBlocking() {
		assertNonBlocking(new CsrfWebFilter());
	}

	private void assertNonBlocking(WebFilter filter) {
		Verdict verdict = this.detector.detect(filter);
		assertThat(verdict.kind()).isEqualTo(Verdict.Kind.NON_BLOCKING);
		assertThat(verdict.source()).isEqualTo(Verdict.Source.STATIC_ANALYSIS);
		assertThat(verdict.evidence()).isEmpty();
	}

}
