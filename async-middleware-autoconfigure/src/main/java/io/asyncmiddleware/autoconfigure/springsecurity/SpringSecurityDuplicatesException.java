package io.asyncmiddleware.autoconfigure.springsecurity;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Thrown at startup, with {@code async-middleware.spring-security.duplicates=fail}, when
 * the application's Spring Security chain does what stack entries do.
 */
public class SpringSecurityDuplicatesException extends IllegalStateException {

	private static final Set<String> HEADERS_WITHOUT_OWN_SWITCH = Set.of("Referrer-Policy",
			"Cross-Origin-Opener-Policy");

	private final String chainBeanName;

	private final List<SpringSecurityDuplicate> duplicates;

	/**
	 * Creates the exception.
	 * @param chainBeanName the bean name of the {@code SecurityWebFilterChain}
	 * @param duplicates what it duplicates
	 */
	public SpringSecurityDuplicatesException(String chainBeanName, List<SpringSecurityDuplicate> duplicates) {
		super("Spring Security chain '" + chainBeanName + "' duplicates stack entries: " + duplicates);
		this.chainBeanName = chainBeanName;
		this.duplicates = List.copyOf(duplicates);
	}

	/**
	 * The bean name of the chain.
	 * @return the bean name
	 */
	public String getChainBeanName() {
		return this.chainBeanName;
	}

	/**
	 * What the chain duplicates.
	 * @return the duplicates
	 */
	public List<SpringSecurityDuplicate> getDuplicates() {
		return this.duplicates;
	}

	/**
	 * The calls on {@code ServerHttpSecurity} that switch the duplicates off.
	 * @return one call a line
	 */
	public List<String> getFixes() {
		List<String> fixes = new ArrayList<>();
		if (this.duplicates.stream().anyMatch(SpringSecurityDuplicate::isCsrf)) {
			fixes.add("http.csrf(ServerHttpSecurity.CsrfSpec::disable)");
		}
		List<String> headers = this.duplicates.stream()
			.filter((duplicate) -> !duplicate.isCsrf())
			.map(SpringSecurityDuplicate::part)
			.toList();
		if (headers.isEmpty()) {
			return fixes;
		}
		// Spring Security writes Referrer-Policy whenever its headers are on
		if (headers.stream().anyMatch(HEADERS_WITHOUT_OWN_SWITCH::contains)) {
			fixes.add("http.headers(ServerHttpSecurity.HeaderSpec::disable)");
			return fixes;
		}
		StringBuilder fix = new StringBuilder("http.headers((headers) -> headers");
		for (String header : headers) {
			fix.append(switch (header) {
				case "X-Frame-Options" -> ".frameOptions(ServerHttpSecurity.HeaderSpec.FrameOptionsSpec::disable)";
				case "Strict-Transport-Security" -> ".hsts(ServerHttpSecurity.HeaderSpec.HstsSpec::disable)";
				case "X-Content-Type-Options" ->
					".contentTypeOptions(ServerHttpSecurity.HeaderSpec.ContentTypeOptionsSpec::disable)";
				default -> "";
			});
		}
		fixes.add(fix.append(")").toString());
		return fixes;
	}

}
