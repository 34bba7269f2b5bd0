package io.asyncmiddleware.sample.audit;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The audit filter, bean {@code auditFilter}: over R2DBC by default, over JDBC with
 * {@code sample.audit.store=jdbc} to watch the three modes.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuditProperties.class)
class AuditConfiguration {

	@Bean
	@ConditionalOnProperty(name = "sample.audit.store", havingValue = "r2dbc", matchIfMissing = true)
	R2dbcAuditFilter auditFilter(DatabaseClient databaseClient) {
		return new R2dbcAuditFilter(databaseClient);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "sample.audit.store", havingValue = "jdbc")
	static class JdbcAudit {

		@Bean
		JdbcAuditFilter auditFilter(AuditProperties properties) {
			AuditProperties.Jdbc jdbc = properties.getJdbc();
			return new JdbcAuditFilter(new DriverManagerDataSource(jdbc.getUrl(), jdbc.getUsername(), jdbc.getPassword()));
		}

	}

}
