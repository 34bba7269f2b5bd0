package io.asyncmiddleware.autoconfigure.clickjacking;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the {@code x-frame-options} entry, Django's {@code XFrameOptionsMiddleware}.
 */
@ConfigurationProperties("async-middleware.x-frame-options")
public class XFrameOptionsMiddlewareProperties {

	/**
	 * X-Frame-Options value for handlers without an X-Frame-Options annotation: DENY or
	 * SAMEORIGIN, in any case (Django: X_FRAME_OPTIONS).
	 */
	private String value = "DENY";

	public String getValue() {
		return this.value;
	}

	public void setValue(String value) {
		this.value = value;
	}

}
