package io.asyncmiddleware.sample;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;

/**
 * The parity routes in the {@code production} profile: sessions in Redis, users in
 * PostgreSQL (schema {@value ProductionServers#SCHEMA}). Skipped when either server is
 * unreachable. Over plain HTTP, as {@link ProductionServers#PROPERTIES} explains.
 */
@ProductionServers.Required
@ActiveProfiles("production")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { ProductionServers.TEST_SCHEMA, ProductionServers.SECRET_KEY, ProductionServers.NO_SSL_REDIRECT,
				ProductionServers.NO_SECURE_SESSION_COOKIE, ProductionServers.NO_SECURE_CSRF_COOKIE,
				ProductionServers.NO_SECURE_MESSAGES_COOKIE, ProductionServers.DEPLOY_CHECK_WARNS })
class ProductionParityRoutesTests extends ParityRoutesTests {

}
