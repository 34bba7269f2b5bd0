package io.asyncmiddleware.middleware;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AllowedHosts}.
 */
class AllowedHostsTests {

	@Test
	@DisplayName("exact names, '.domain' for the domain and its subdomains, '*'; case, port and trailing dot ignored")
	void patterns() {
		AllowedHosts hosts = new AllowedHosts(List.of("testserver", ".Example.com"));
		assertThat(hosts.isAllowed("testserver")).isTrue();
		assertThat(hosts.isAllowed("TestServer:8080")).isTrue();
		assertThat(hosts.isAllowed("testserver.")).isTrue();
		assertThat(hosts.isAllowed("example.com")).isTrue();
		assertThat(hosts.isAllowed("a.b.example.com")).isTrue();
		assertThat(hosts.isAllowed("badexample.com")).isFalse();
		assertThat(hosts.isAllowed("evil.test")).isFalse();
		assertThat(new AllowedHosts(List.of("*")).isAllowed("anything.test")).isTrue();
		assertThat(new AllowedHosts(List.of("[::1]")).isAllowed("[::1]:8000")).isTrue();
	}

	@Test
	@DisplayName("a malformed host is refused even when every host is allowed ('*' or an empty list)")
	void malformedHostNeverAllowed() {
		for (AllowedHosts hosts : List.of(AllowedHosts.ANY, new AllowedHosts(List.of("*")))) {
			assertThat(hosts.isAllowed("evil.test/x?")).isFalse();
			assertThat(hosts.isAllowed("a@evil.test")).isFalse();
			assertThat(hosts.isAllowed("bad host!")).isFalse();
			assertThat(hosts.isAllowed("")).isFalse();
			assertThat(hosts.isAllowed("evil.test")).isTrue();
		}
	}

	@Test
	@DisplayName("a request naming no host is allowed only when every host is")
	void noHost() {
		assertThat(AllowedHosts.ANY.isAllowed(null)).isTrue();
		assertThat(new AllowedHosts(List.of("*")).isAllowed(null)).isFalse();
	}

}
