package io.asyncmiddleware.autoconfigure.check;

import java.util.ArrayList;
import java.util.List;

import io.asyncmiddleware.check.DeployCheckMode;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the deploy check (Django: {@code manage.py check --deploy}).
 */
@ConfigurationProperties("async-middleware.deploy-check")
public class DeployCheckProperties {

	/**
	 * What the deploy check does at startup: 'off', 'warn' (one warning listing the insecure
	 * settings) or 'fail' (startup stops with a report).
	 */
	private DeployCheckMode mode = DeployCheckMode.WARN;

	/**
	 * Check ids not to report, e.g. 'security.W008' when the proxy redirects to HTTPS
	 * (Django: SILENCED_SYSTEM_CHECKS).
	 */
	private List<String> silenced = new ArrayList<>();

	public DeployCheckMode getMode() {
		return this.mode;
	}

	public void setMode(DeployCheckMode mode) {
		this.mode = mode;
	}

	public List<String> getSilenced() {
		return this.silenced;
	}

	public void setSilenced(List<String> silenced) {
		this.silenced = silenced;
	}

}
