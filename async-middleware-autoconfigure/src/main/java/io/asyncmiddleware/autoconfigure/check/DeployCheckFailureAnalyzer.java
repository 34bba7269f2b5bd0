package io.asyncmiddleware.autoconfigure.check;

import java.util.stream.Collectors;

import io.asyncmiddleware.check.DeployCheckException;
import io.asyncmiddleware.check.DeployFinding;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports the insecure settings that stopped startup in
 * {@code async-middleware.deploy-check.mode=fail}: each check id, the setting, why and the
 * fix.
 */
public final class DeployCheckFailureAnalyzer extends AbstractFailureAnalyzer<DeployCheckException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, DeployCheckException cause) {
		String description = "The deploy check (async-middleware.deploy-check.mode=fail, Django's check --deploy) "
				+ "found " + cause.getFindings().size() + " insecure setting(s):\n\n  "
				+ cause.getFindings().stream().map(DeployFinding::describe).collect(Collectors.joining("\n  "));
		String action = "Fix each setting as its 'fix' line says. If a finding does not apply to this deployment "
				+ "(e.g. security.W008 when the proxy redirects to HTTPS), list its id in "
				+ "async-middleware.deploy-check.silenced; in development use async-middleware.deploy-check.mode=warn "
				+ "or off.";
		return new FailureAnalysis(description, action, cause);
	}

}
