package io.asyncmiddleware.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import io.asyncmiddleware.detection.runtime.RuntimeBlockingDetection;
import io.asyncmiddleware.stack.MiddlewareStack;
import io.asyncmiddleware.stack.StackEntry;

import org.springframework.beans.factory.DisposableBean;

/**
 * Registers every entry of the stack for run-time attribution of blocking calls, and
 * installs BlockHound in report mode when the application asks for it. Closes the
 * registrations with the context, since BlockHound's integration is JVM-wide.
 */
final class RuntimeDetectionRegistrations implements DisposableBean {

	private final List<RuntimeBlockingDetection.Registration> registrations = new ArrayList<>();

	RuntimeDetectionRegistrations(MiddlewareStack stack, boolean installBlockHound) {
		for (StackEntry entry : stack.getEntries()) {
			this.registrations.add(RuntimeBlockingDetection.register(entry.name(), entry.type(), entry.metrics()));
		}
		if (installBlockHound) {
			RuntimeBlockingDetection.installBlockHound();
		}
	}

	@Override
	public void destroy() {
		this.registrations.forEach(RuntimeBlockingDetection.Registration::close);
	}

}
