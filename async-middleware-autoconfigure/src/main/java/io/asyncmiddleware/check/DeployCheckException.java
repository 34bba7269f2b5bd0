package io.asyncmiddleware.check;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown at startup when the deploy check, in {@link DeployCheckMode#FAIL} mode, found
 * insecure settings.
 */
public class DeployCheckException extends IllegalStateException {

	private final List<DeployFinding> findings;

	/**
	 * Creates the exception.
	 * @param findings what was found, not empty
	 */
	public DeployCheckException(List<DeployFinding> findings) {
		super("The deploy check found " + findings.size() + " insecure setting(s): "
				+ findings.stream().map(DeployFinding::id).collect(Collectors.joining(", ")));
		this.findings = List.copyOf(findings);
	}

	/**
	 * The findings, in the order the checks ran.
	 * @return the findings
	 */
	public List<DeployFinding> getFindings() {
		return this.findings;
	}

}
