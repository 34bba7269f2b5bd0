package io.asyncmiddleware.check;

import java.util.List;

/**
 * One family of deploy checks, as Django registers its own with
 * {@code @register(Tags.security, deploy=True)}. Declare a bean of this type to add
 * checks of your own; they are run and reported with the built-in ones.
 */
@FunctionalInterface
public interface DeployCheck {

	/**
	 * Runs the checks against the application's settings.
	 * @return the insecure settings found, empty when all pass
	 */
	List<DeployFinding> check();

}
