package io.asyncmiddleware.check;

import org.springframework.util.Assert;

/**
 * One insecure setting found by a {@link DeployCheck}.
 *
 * @param id the check id: Django's ({@code security.W004}) where Django has the same
 * check, else ours ({@code async_middleware.W001})
 * @param setting the property at fault, with its current value
 * @param problem why it is insecure
 * @param fix what to set instead
 */
public record DeployFinding(String id, String setting, String problem, String fix) {

	public DeployFinding {
		Assert.hasText(id, "'id' must not be empty");
		Assert.hasText(setting, "'setting' must not be empty");
		Assert.hasText(problem, "'problem' must not be empty");
		Assert.hasText(fix, "'fix' must not be empty");
	}

	/**
	 * The finding as report lines: id and setting, then why and the fix, indented.
	 * @return the text
	 */
	public String describe() {
		return this.id + "  " + this.setting + "\n      why: " + this.problem + "\n      fix: " + this.fix;
	}

}
