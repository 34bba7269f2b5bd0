package io.asyncmiddleware.autoconfigure.check;

import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

import io.asyncmiddleware.check.DeployCheck;
import io.asyncmiddleware.check.DeployFinding;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Ours, {@code async_middleware.W002}: {@code /actuator/middleware} (the stack, its
 * filters' class names and live figures) is exposed over HTTP and nothing authenticates
 * it, which can only be told for sure when Spring Security is absent. With Spring
 * Security present the endpoint's protection depends on the application's rules, so this
 * check says nothing.
 */
final class MiddlewareEndpointDeployCheck implements DeployCheck {

	private static final String ENDPOINT = "middleware";

	private final Environment environment;

	private final BooleanSupplier endpointPresent;

	private final boolean springSecurityPresent;

	MiddlewareEndpointDeployCheck(Environment environment, BooleanSupplier endpointPresent,
			boolean springSecurityPresent) {
		this.environment = environment;
		this.endpointPresent = endpointPresent;
		this.springSecurityPresent = springSecurityPresent;
	}

	@Override
	public List<DeployFinding> check() {
		if (this.springSecurityPresent || !this.endpointPresent.getAsBoolean() || !exposedOverHttp()) {
			return List.of();
		}
		return List.of(new DeployFinding("async_middleware.W002",
				"management.endpoints.web.exposure.include contains '" + ENDPOINT + "'",
				"/actuator/middleware is served over HTTP without authentication: anyone can read the stack, the "
						+ "filter classes and their live figures",
				"remove it from management.endpoints.web.exposure.include or protect /actuator/** with Spring "
						+ "Security; if management.server.port is reachable by operators only, silence "
						+ "async_middleware.W002"));
	}

	private boolean exposedOverHttp() {
		Binder binder = Binder.get(this.environment);
		if (binder.bind("management.server.port", Integer.class).map((port) -> port < 0).orElse(false)) {
			return false;
		}
		Set<String> include = binder.bind("management.endpoints.web.exposure.include", Bindable.setOf(String.class))
			.orElse(Set.of("health"));
		Set<String> exclude = binder.bind("management.endpoints.web.exposure.exclude", Bindable.setOf(String.class))
			.orElse(Set.of());
		return (include.contains("*") || include.contains(ENDPOINT)) && !exclude.contains(ENDPOINT)
				&& !exclude.contains("*");
	}

}
