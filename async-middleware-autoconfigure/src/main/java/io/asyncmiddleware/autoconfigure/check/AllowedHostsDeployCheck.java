package io.asyncmiddleware.autoconfigure.check;

import java.util.List;

import io.asyncmiddleware.autoconfigure.common.CommonMiddlewareProperties;
import io.asyncmiddleware.check.DeployCheck;
import io.asyncmiddleware.check.DeployFinding;
import io.asyncmiddleware.stack.MiddlewareStack;
import org.jspecify.annotations.Nullable;

/**
 * Django's {@code ALLOWED_HOSTS} check ({@code base.py}): W020. Django refuses every host
 * when the list is empty (DEBUG off); here an empty list allows every host, and hosts are
 * only checked by the {@code common} entry.
 */
final class AllowedHostsDeployCheck implements DeployCheck {

	private final MiddlewareStack stack;

	private final @Nullable CommonMiddlewareProperties properties;

	AllowedHostsDeployCheck(MiddlewareStack stack, @Nullable CommonMiddlewareProperties properties) {
		this.stack = stack;
		this.properties = properties;
	}

	@Override
	public List<DeployFinding> check() {
		CommonMiddlewareProperties common = this.properties;
		if (common == null || this.stack.getEntry("common").isEmpty()) {
			return List.of(new DeployFinding("security.W020", "async-middleware.stack without 'common'",
					"the Host header is never checked: absolute URLs and redirects can be built from an attacker's "
							+ "Host (cache poisoning, password-reset links to another site)",
					"add 'common' to async-middleware.stack and set async-middleware.common.allowed-hosts"));
		}
		if (common.getAllowedHosts().isEmpty()) {
			return List.of(new DeployFinding("security.W020", "async-middleware.common.allowed-hosts=(empty)",
					"every Host is served: absolute URLs and redirects can be built from an attacker's Host "
							+ "(cache poisoning, password-reset links to another site)",
					"list the site's host names, e.g. allowed-hosts=www.example.com,.example.com"));
		}
		return List.of();
	}

}
