package io.asyncmiddleware.autoconfigure.gzip;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the {@code gzip} entry, Django's {@code GZipMiddleware}.
 */
@ConfigurationProperties("async-middleware.gzip")
public class GZipMiddlewareProperties {

	/**
	 * Whether the gzip header carries a file name of 0 to 99 random bytes, so that
	 * compressed lengths vary between identical responses (BREACH mitigation; Django:
	 * GZipMiddleware.max_random_bytes, 100, or 0 when false).
	 */
	private boolean randomPadding = true;

	public boolean isRandomPadding() {
		return this.randomPadding;
	}

	public void setRandomPadding(boolean randomPadding) {
		this.randomPadding = randomPadding;
	}

}
