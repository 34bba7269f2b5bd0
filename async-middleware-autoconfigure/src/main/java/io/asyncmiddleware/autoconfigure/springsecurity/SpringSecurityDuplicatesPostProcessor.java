package io.asyncmiddleware.autoconfigure.springsecurity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.asyncmiddleware.autoconfigure.springsecurity.SpringSecurityCompositionProperties.Duplicates;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.server.WebFilter;

/**
 * Finds, as each {@link SecurityWebFilterChain} bean is created, the parts of Spring
 * Security that duplicate entries of {@code async-middleware.stack}: its
 * {@code CsrfWebFilter} beside {@code csrf}, and the headers its
 * {@code HttpHeaderWriterWebFilter} writes that {@code x-frame-options} or
 * {@code security} write too. Per {@code async-middleware.spring-security.duplicates},
 * the chain is replaced by one without them (one INFO line names them) or startup stops
 * with a {@link SpringSecurityDuplicatesException}.
 */
final class SpringSecurityDuplicatesPostProcessor implements BeanPostProcessor, EnvironmentAware {

	private static final Log logger = LogFactory.getLog(SpringSecurityDuplicatesPostProcessor.class);

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final Set<String> ignoredBeans;

	private @Nullable Environment environment;

	SpringSecurityDuplicatesPostProcessor(Set<String> ignoredBeans) {
		this.ignoredBeans = Set.copyOf(ignoredBeans);
	}

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (!(bean instanceof SecurityWebFilterChain chain) || bean instanceof StackComposedSecurityWebFilterChain
				|| this.ignoredBeans.contains(beanName)) {
			return bean;
		}
		Binder binder = Binder.get(environmentOrFail());
		Set<String> stack = new LinkedHashSet<>(
				binder.bind("async-middleware.stack", Bindable.listOf(String.class)).orElse(List.of()));
		boolean ownsCsrf = StackOwnedHeaders.ownsCsrf(stack);
		Map<String, String> ownedHeaders = StackOwnedHeaders.owned(stack);
		if (!ownsCsrf && ownedHeaders.isEmpty()) {
			return bean;
		}
		List<WebFilter> filters = chain.getWebFilters().collectList().block(TIMEOUT);
		List<WebFilter> composed = new ArrayList<>();
		List<SpringSecurityDuplicate> duplicates = new ArrayList<>();
		for (WebFilter filter : (filters != null) ? filters : List.<WebFilter>of()) {
			if (ownsCsrf && isA(filter, StackOwnedHeaders.SPRING_CSRF_FILTER)) {
				duplicates.add(new SpringSecurityDuplicate(SpringSecurityDuplicate.CSRF, "csrf"));
				continue;
			}
			if (!ownedHeaders.isEmpty() && isA(filter, StackOwnedHeaders.SPRING_HEADER_FILTER)) {
				List<String> written = ownedHeadersWritten(filter, ownedHeaders);
				if (!written.isEmpty()) {
					written.forEach((header) -> duplicates
						.add(new SpringSecurityDuplicate(header, ownedHeaders.get(header))));
					composed.add(new StackOwnedHeadersWebFilter(filter, written));
					continue;
				}
			}
			composed.add(filter);
		}
		if (duplicates.isEmpty()) {
			return bean;
		}
		Duplicates policy = binder.bind("async-middleware.spring-security.duplicates", Duplicates.class)
			.orElse(Duplicates.DISABLE);
		if (policy == Duplicates.FAIL) {
			throw new SpringSecurityDuplicatesException(beanName, duplicates);
		}
		logger.info(describe(beanName, duplicates));
		return new StackComposedSecurityWebFilterChain(chain, composed);
	}

	// The owned headers the filter writes; all of them when it cannot be probed
	private static List<String> ownedHeadersWritten(WebFilter filter, Map<String, String> ownedHeaders) {
		Set<String> written = HeaderWriterProbe.headersWritten(filter);
		if (written == null) {
			return List.copyOf(ownedHeaders.keySet());
		}
		Set<String> writtenLowerCase = written.stream()
			.map((name) -> name.toLowerCase(Locale.ROOT))
			.collect(Collectors.toSet());
		return ownedHeaders.keySet()
			.stream()
			.filter((name) -> writtenLowerCase.contains(name.toLowerCase(Locale.ROOT)))
			.toList();
	}

	private static String describe(String beanName, List<SpringSecurityDuplicate> duplicates) {
		List<String> parts = new ArrayList<>();
		if (duplicates.stream().anyMatch(SpringSecurityDuplicate::isCsrf)) {
			parts.add("its CsrfWebFilter (the 'csrf' entry checks CSRF)");
		}
		List<SpringSecurityDuplicate> headers = duplicates.stream().filter((duplicate) -> !duplicate.isCsrf()).toList();
		if (!headers.isEmpty()) {
			List<String> entries = headers.stream().map((header) -> "'" + header.entry() + "'").distinct().toList();
			parts.add("its " + headers.stream().map(SpringSecurityDuplicate::part).collect(Collectors.joining(", "))
					+ ((headers.size() > 1) ? " headers" : " header") + " (written by the "
					+ String.join(" and ", entries) + ((entries.size() > 1) ? " entries)" : " entry)"));
		}
		return "Spring Security chain '" + beanName + "': switched off " + String.join(" and ", parts)
				+ ", which duplicate async-middleware.stack; set async-middleware.spring-security.duplicates=fail "
				+ "to be told the lines to change instead";
	}

	private static boolean isA(Object filter, String className) {
		for (Class<?> type = AopUtils.getTargetClass(filter); type != null; type = type.getSuperclass()) {
			if (type.getName().equals(className)) {
				return true;
			}
		}
		return false;
	}

	private Environment environmentOrFail() {
		if (this.environment == null) {
			throw new IllegalStateException("No Environment");
		}
		return this.environment;
	}

}
