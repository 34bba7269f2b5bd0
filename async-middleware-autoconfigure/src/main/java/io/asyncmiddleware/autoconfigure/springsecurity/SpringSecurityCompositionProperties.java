package io.asyncmiddleware.autoconfigure.springsecurity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the stack composes with the application's own Spring Security chain.
 */
@ConfigurationProperties("async-middleware.spring-security")
public class SpringSecurityCompositionProperties {

	/**
	 * What to do, at startup, with the parts of the application's SecurityWebFilterChain
	 * that duplicate stack entries (its CsrfWebFilter beside 'csrf'; its X-Frame-Options
	 * header beside 'x-frame-options'; its Strict-Transport-Security,
	 * X-Content-Type-Options, Referrer-Policy and Cross-Origin-Opener-Policy headers beside
	 * 'security'): 'disable' switches them off with one INFO line naming them, 'fail' stops
	 * startup with the lines to change in the chain.
	 */
	private Duplicates duplicates = Duplicates.DISABLE;

	public Duplicates getDuplicates() {
		return this.duplicates;
	}

	public void setDuplicates(Duplicates duplicates) {
		this.duplicates = duplicates;
	}

	/**
	 * What happens to a part of Spring Security's chain that a stack entry also does.
	 */
	public enum Duplicates {

		/**
		 * Switch Spring Security's part off, and say so once at startup.
		 */
		DISABLE,

		/**
		 * Stop startup, naming the parts and the lines that switch them off.
		 */
		FAIL

	}

}
