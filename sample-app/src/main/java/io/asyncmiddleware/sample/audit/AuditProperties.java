package io.asyncmiddleware.sample.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the sample's audit filter.
 */
@ConfigurationProperties("sample.audit")
public class AuditProperties {

	/**
	 * Where the audit filter writes: 'r2dbc' (non-blocking) or 'jdbc' (a legacy filter
	 * that blocks).
	 */
	private Store store = Store.R2DBC;

	private final Jdbc jdbc = new Jdbc();

	public Store getStore() {
		return this.store;
	}

	public void setStore(Store store) {
		this.store = store;
	}

	public Jdbc getJdbc() {
		return this.jdbc;
	}

	/**
	 * The JDBC connection of the blocking audit filter: the same database as R2DBC.
	 */
	public static class Jdbc {

		/**
		 * JDBC URL.
		 */
		private String url = "jdbc:h2:mem:sample;DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE";

		/**
		 * User name.
		 */
		private String username = "sa";

		/**
		 * Password.
		 */
		private String password = "";

		public String getUrl() {
			return this.url;
		}

		public void setUrl(String url) {
			this.url = url;
		}

		public String getUsername() {
			return this.username;
		}

		public void setUsername(String username) {
			this.username = username;
		}

		public String getPassword() {
			return this.password;
		}

		public void setPassword(String password) {
			this.password = password;
		}

	}

	/**
	 * Where the audit filter writes.
	 */
	public enum Store {

		/** Over R2DBC: non-blocking. */
		R2DBC,

		/** Over JDBC: blocks the calling thread. */
		JDBC

	}

}
