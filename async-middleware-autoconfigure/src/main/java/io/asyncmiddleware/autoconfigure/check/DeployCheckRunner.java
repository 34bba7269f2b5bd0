package io.asyncmiddleware.autoconfigure.check;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.asyncmiddleware.check.DeployCheck;
import io.asyncmiddleware.check.DeployCheckException;
import io.asyncmiddleware.check.DeployCheckMode;
import io.asyncmiddleware.check.DeployFinding;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Runs the deploy checks once every singleton exists and before the server starts
 * listening: logs the findings ({@code warn}) or stops startup ({@code fail}).
 */
final class DeployCheckRunner implements SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(DeployCheckRunner.class);

	private final DeployCheckProperties properties;

	private final ObjectProvider<DeployCheck> checks;

	DeployCheckRunner(DeployCheckProperties properties, ObjectProvider<DeployCheck> checks) {
		this.properties = properties;
		this.checks = checks;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (this.properties.getMode() == DeployCheckMode.OFF) {
			return;
		}
		List<DeployFinding> findings = findings();
		if (findings.isEmpty()) {
			logger.debug("Deploy check: no insecure settings found");
			return;
		}
		if (this.properties.getMode() == DeployCheckMode.FAIL) {
			throw new DeployCheckException(findings);
		}
		if (logger.isWarnEnabled()) {
			logger.warn(report(findings));
		}
	}

	/**
	 * Runs every check and drops the silenced ids.
	 * @return the findings to report
	 */
	List<DeployFinding> findings() {
		Set<String> silenced = Set.copyOf(this.properties.getSilenced());
		return this.checks.orderedStream()
			.flatMap((check) -> check.check().stream())
			.filter((finding) -> !silenced.contains(finding.id()))
			.toList();
	}

	static String report(List<DeployFinding> findings) {
		return "Deploy check (Django's check --deploy) found " + findings.size() + " insecure setting(s):\n\n  "
				+ findings.stream().map(DeployFinding::describe).collect(Collectors.joining("\n  "))
				+ "\n\nSilence an id with async-middleware.deploy-check.silenced, turn the check off in development "
				+ "with async-middleware.deploy-check.mode=off, or make it stop startup with mode=fail.";
	}

}
