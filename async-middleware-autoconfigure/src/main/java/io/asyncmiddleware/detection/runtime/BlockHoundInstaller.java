package io.asyncmiddleware.detection.runtime;

import reactor.blockhound.BlockHound;

/**
 * Installs BlockHound; a class of its own so that BlockHound's classes are loaded only
 * when it is on the classpath.
 */
final class BlockHoundInstaller {

	private BlockHoundInstaller() {
	}

	static void install() {
		// our integration is a service, so the loaded integrations include it
		BlockHound.install();
	}

}
