package io.asyncmiddleware.autoconfigure.springsecurity;

import java.util.stream.Collectors;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a Spring Security chain that duplicates stack entries, with the lines that
 * switch its duplicates off.
 */
class SpringSecurityDuplicatesFailureAnalyzer extends AbstractFailureAnalyzer<SpringSecurityDuplicatesException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, SpringSecurityDuplicatesException cause) {
		String description = "Spring Security's chain '" + cause.getChainBeanName()
				+ "' does what entries of async-middleware.stack do, so responses would be checked or "
				+ "headed twice:\n\n"
				+ cause.getDuplicates()
					.stream()
					.map((duplicate) -> "  - " + (duplicate.isCsrf() ? "its CsrfWebFilter: a second CSRF check"
							: "its " + duplicate.part() + " header") + ", beside the '" + duplicate.entry()
							+ "' entry")
					.collect(Collectors.joining("\n"));
		String action = "Leave these to the stack: in the @Bean method that builds '" + cause.getChainBeanName()
				+ "', before http.build(), add\n\n"
				+ cause.getFixes().stream().map((fix) -> "    " + fix + ";").collect(Collectors.joining("\n"))
				+ "\n\nor set async-middleware.spring-security.duplicates=disable to have the starter switch them off "
				+ "at startup.";
		return new FailureAnalysis(description, action, cause);
	}

}
