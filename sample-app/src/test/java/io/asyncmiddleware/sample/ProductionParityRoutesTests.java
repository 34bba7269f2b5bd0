package io.asyncmiddleware.sample;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;

/**
 * The parity routes in the {@code production} profile: sessions in Redis, users in
 * PostgreSQL (schema {@value ProductionServers#SCHEMA}). Skipped when either server is
 * unreachable.
 */
@ProductionServers.Required
@ActiveProfiles("production")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "POSTGRES_SCHEMA=" + ProductionServers.SCHEMA)
class ProductionParityRoutesTests extends ParityRoutesTests {

}
