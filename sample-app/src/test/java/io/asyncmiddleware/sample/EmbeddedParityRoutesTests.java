package io.asyncmiddleware.sample;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The parity routes in the default configuration: sessions in memory, H2 over R2DBC.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class EmbeddedParityRoutesTests extends ParityRoutesTests {

}
