package io.asyncmiddleware.autoconfigure.check;

import java.util.List;
import java.util.Locale;

import io.asyncmiddleware.autoconfigure.clickjacking.XFrameOptionsMiddlewareProperties;
import io.asyncmiddleware.check.DeployCheck;
import io.asyncmiddleware.check.DeployFinding;
import io.asyncmiddleware.stack.MiddlewareStack;
import org.jspecify.annotations.Nullable;

/**
 * Django's checks of {@code XFrameOptionsMiddleware} ({@code base.py}): W002, W019.
 */
final class ClickjackingDeployChecks implements DeployCheck {

	private static final String ENTRY = "x-frame-options";

	private final MiddlewareStack stack;

	private final @Nullable XFrameOptionsMiddlewareProperties properties;

	ClickjackingDeployChecks(MiddlewareStack stack, @Nullable XFrameOptionsMiddlewareProperties properties) {
		this.stack = stack;
		this.properties = properties;
	}

	@Override
	public List<DeployFinding> check() {
		XFrameOptionsMiddlewareProperties frames = this.properties;
		if (this.stack.getEntry(ENTRY).isEmpty() || frames == null) {
			return List.of(new DeployFinding("security.W002", "async-middleware.stack without 'x-frame-options'",
					"pages are served without X-Frame-Options, so another site can frame them (clickjacking)",
					"add 'x-frame-options' to async-middleware.stack"));
		}
		if (!"DENY".equals(frames.getValue().strip().toUpperCase(Locale.ROOT))) {
			return List.of(new DeployFinding("security.W019", "async-middleware.x-frame-options.value=" + frames.getValue(),
					"every page may be framed by the site itself, which is rarely needed",
					"set value=DENY and mark the handlers that must be framed with @XFrameOptionsSameOrigin"));
		}
		return List.of();
	}

}
