package io.asyncmiddleware.test;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Checks the test class's application context once, before its tests, for blocking
 * entries; registered by {@link NoBlockingMiddleware}.
 */
public final class NoBlockingMiddlewareExtension implements BeforeAllCallback {

	@Override
	public void beforeAll(ExtensionContext context) {
		MiddlewareAssertions.assertNoBlockingEntries(SpringExtension.getApplicationContext(context));
	}

}
